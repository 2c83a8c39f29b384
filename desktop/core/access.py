"""Who may see and do what: the one place that decides, asked by the window and the command line
alike (UU 27/2022: personal data only to those whose work needs it).

A role carries a set of rights; an Admin may grant a user the two rights that open personal data
further ("data sensitif", "NIK lengkap") on top of the role's. Nothing here touches the database:
`desktop.core.services.users` finds who is logged in and hands an `Actor` to everything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.domain.enums import Role
from desktop.core.errors import SimpulError
from desktop.core.i18n import language


class Right(StrEnum):
    USERS = "pengguna"  # add, disable, reset users
    SETTINGS = "pengaturan"  # the office profile, letter numbering, signers
    BACKUP = "cadangan"  # back up and restore
    REGISTRY_VIEW = "lihat_registri"  # persons, families, PSKS: lists and details
    REGISTRY_EDIT = "ubah_registri"
    IMPORT = "impor"
    EXPORT = "ekspor"
    SENSITIVE = "data_sensitif"  # PPKS in the sensitive categories (ODHA, NAPZA, TPPO…)
    FULL_NIK = "nik_lengkap"  # NIK and No. KK unmasked
    REFERRAL = "rujukan"  # draft and follow referrals
    SIGN = "tanda_tangan"  # sign letters
    AID_LISTS = "daftar_bantuan"  # build recipient lists, plan events
    AID_FINALISE = "tetapkan_daftar"  # finalise a recipient list
    EVENT_CLOSE = "tutup_penyaluran"  # close and reopen a distribution event
    DESK = "meja_penyaluran"  # check recipients in on the day
    AGGREGATES = "angka_ringkas"  # counts only (the dashboard, recaps)
    COMPLAINTS = "pengaduan"  # receive and follow complaints
    VERIVALI = "verivali"  # verivali rounds, proposals, musdes papers


RIGHT_LABELS: dict[Right, tuple[str, str]] = {
    Right.USERS: ("mengelola pengguna", "manage users"),
    Right.SETTINGS: ("mengubah pengaturan kantor", "change the office settings"),
    Right.BACKUP: ("mencadangkan dan memulihkan", "back up and restore"),
    Right.REGISTRY_VIEW: ("melihat registri", "view the registry"),
    Right.REGISTRY_EDIT: ("mengubah registri", "change the registry"),
    Right.IMPORT: ("mengimpor berkas", "import files"),
    Right.EXPORT: ("mengekspor data", "export data"),
    Right.SENSITIVE: ("melihat data sensitif", "see sensitive data"),
    Right.FULL_NIK: ("melihat NIK lengkap", "see full NIKs"),
    Right.REFERRAL: ("mengurus rujukan", "handle referrals"),
    Right.SIGN: ("menandatangani surat", "sign letters"),
    Right.AID_LISTS: ("menyusun daftar bantuan", "build aid lists"),
    Right.AID_FINALISE: ("menetapkan daftar penerima", "finalise recipient lists"),
    Right.EVENT_CLOSE: ("menutup penyaluran", "close distribution events"),
    Right.DESK: ("melayani meja penyaluran", "serve the distribution desk"),
    Right.AGGREGATES: ("melihat angka ringkas", "see aggregate figures"),
    Right.COMPLAINTS: ("mengurus pengaduan", "handle complaints"),
    Right.VERIVALI: ("mengurus verivali dan usulan", "handle verivali and proposals"),
}

_R = Right
ROLE_RIGHTS: dict[Role, frozenset[Right]] = {
    # The office's IT person: keeps the system running, sees the registry only masked.
    Role.ADMIN: frozenset({_R.USERS, _R.SETTINGS, _R.BACKUP, _R.REGISTRY_VIEW, _R.AGGREGATES}),
    # Camat or Kasi Kesos: decides and signs; sees everything the office holds.
    Role.CAMAT: frozenset({_R.REGISTRY_VIEW, _R.SENSITIVE, _R.FULL_NIK, _R.EXPORT, _R.REFERRAL, _R.SIGN,
                           _R.AID_LISTS, _R.AID_FINALISE, _R.EVENT_CLOSE, _R.DESK, _R.AGGREGATES,
                           _R.COMPLAINTS, _R.VERIVALI}),
    # Day-to-day registry work; sensitive categories only when an Admin grants them.
    Role.OPERATOR: frozenset({_R.REGISTRY_VIEW, _R.REGISTRY_EDIT, _R.IMPORT, _R.EXPORT, _R.FULL_NIK,
                              _R.REFERRAL, _R.AID_LISTS, _R.DESK, _R.AGGREGATES, _R.COMPLAINTS, _R.VERIVALI}),
    Role.DESK: frozenset({_R.DESK}),
    Role.GUEST: frozenset({_R.AGGREGATES}),
}
# What an Admin may add to a user's role: the rights that open personal data further.
GRANTABLE = frozenset({Right.SENSITIVE, Right.FULL_NIK})


class AccessDenied(SimpulError):
    """The logged-in user's role does not carry the right; nothing was shown or changed."""


@dataclass(frozen=True)
class Actor:
    """Who is working: the name recorded in the audit trail and what the role allows."""

    name: str
    role: Role | None  # None: a registry that has no users yet (before its first Admin)
    rights: frozenset[Right] = field(default_factory=frozenset)
    demo: bool = False
    # Full NIKs show on screens only after a user with the right chose so, saying why (audited);
    # an account without users (and the demo) shows them as before.
    nik_shown: bool = True

    def can(self, right: Right) -> bool:
        return right in self.rights

    def require(self, *rights: Right) -> None:
        for right in rights:
            if right not in self.rights:
                raise AccessDenied("access.denied", user=self.name, right=right_label(right))

    @property
    def sensitive(self) -> bool:
        return Right.SENSITIVE in self.rights

    @property
    def full_nik(self) -> bool:
        return Right.FULL_NIK in self.rights


EVERYTHING = Actor("-", None, frozenset(Right))


def of(session) -> Actor:
    """Who the session works for (set by Database.transaction/read from Database.principal).
    A registry without users, and the core's own jobs, see everything."""
    found = session.info.get("access") if session is not None else None
    return found if isinstance(found, Actor) else EVERYTHING


def rights_of(role: Role, grants: Iterable[Right] = ()) -> frozenset[Right]:
    return ROLE_RIGHTS[role] | (frozenset(grants) & GRANTABLE)


def actor_for(name: str, role: Role, grants: Iterable[Right] = (), *, demo: bool = False) -> Actor:
    return Actor(name, role, rights_of(role, grants), demo, nik_shown=False)


def unmanaged(name: str) -> Actor:
    """A registry without users (made before users existed, or the first minutes of set-up):
    everything is allowed until the first Admin is created, as before."""
    return Actor(name, None, frozenset(Right))


def right_label(right: Right) -> str:
    return RIGHT_LABELS[right][0 if language() == "id" else 1]


def parse_grants(text: str | None) -> frozenset[Right]:
    """The stored grants ("data_sensitif,nik_lengkap") as rights; unknown words are ignored."""
    values = {r.value: r for r in GRANTABLE}
    return frozenset(values[w] for w in (text or "").split(",") if w in values)


def grants_text(grants: Iterable[Right]) -> str | None:
    words = sorted(r.value for r in set(grants) & GRANTABLE)
    return ",".join(words) or None


# What each command of `simpul` needs; the window asks the same rights for the same work.
COMMAND_RIGHTS: dict[str, tuple[Right, ...]] = {
    "init": (), "upgrade": (), "check": (),
    "demo": (Right.REGISTRY_EDIT,),
    "import": (Right.IMPORT,), "undo-import": (Right.IMPORT,), "import-report": (Right.IMPORT,),
    "export": (Right.EXPORT,),
    "list referrals": (Right.REFERRAL,), "list programmes": (Right.AID_LISTS,),
    "list events": (Right.AID_LISTS,),
    "print letter": (Right.REFERRAL,), "print roster": (Right.AID_LISTS,),
    "print coupons": (Right.AID_LISTS,), "print bast": (Right.AID_LISTS,),
    "verify": (), "export-key": (), "signing-key": (Right.SIGN,),
    # A key the person already holds; the registry is not opened.
    "unlock": (), "encrypt": (Right.BACKUP,), "recovery-key": (Right.BACKUP,),
    "backup": (Right.BACKUP,), "backups": (Right.BACKUP,), "restore": (Right.BACKUP,),
    "salvage": (Right.BACKUP,),
    "user": (Right.USERS,), "password": (),  # one's own, with the old password
    "verivali": (Right.VERIVALI,), "list rounds": (Right.VERIVALI,),
    "print worksheet": (Right.VERIVALI,), "print ba-musdes": (Right.VERIVALI,),
    "print attendance": (Right.VERIVALI,),
    "complaint": (Right.COMPLAINTS,), "list complaints": (Right.COMPLAINTS,),
    "print complaint": (Right.COMPLAINTS,),
    # The monthly report carries counts only; the TKSK report names the people served.
    "report": (Right.REGISTRY_VIEW,), "activities": (Right.REGISTRY_VIEW,), "visits": (Right.REGISTRY_VIEW,),
    "print visit-form": (Right.REGISTRY_VIEW,), "list activities": (Right.REGISTRY_VIEW,),
    "list visits": (Right.REGISTRY_VIEW,),
}


# What each section of the window needs (any one of the rights opens it): the same rights as the
# commands that do that work. A Petugas meja sees the distribution desk only; a Tamu the Beranda.
SECTION_RIGHTS: dict[str, tuple[Right, ...]] = {
    "home": (Right.AGGREGATES,),
    "persons": (Right.REGISTRY_VIEW,), "families": (Right.REGISTRY_VIEW,), "psks": (Right.REGISTRY_VIEW,),
    "psks_work": (Right.REGISTRY_VIEW,),
    "referrals": (Right.REFERRAL,),
    "aid": (Right.AID_LISTS, Right.DESK),
    "verivali": (Right.COMPLAINTS, Right.VERIVALI),
    "exchange": (Right.IMPORT, Right.EXPORT),
    "settings": (Right.SETTINGS, Right.USERS, Right.BACKUP),
}


def may_open(actor: Actor, section: str) -> bool:
    return any(actor.can(r) for r in SECTION_RIGHTS[section])
