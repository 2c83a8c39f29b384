"""What the screen calls each closed value: one table per enum of desktop.core.domain.enums, keyed
by its members. Screens compare members (`programme.form is AidForm.CASH`) and show `label(member)`;
no screen keeps its own table or compares a stored word."""

from __future__ import annotations

from enum import Enum

from desktop.core.domain.enums import (
    AidForm, CheckKind, CollectStatus, Decision, DeskAction, Disability, EventState, Funding,
    InstitutionKind, LetterStatus, LifeStatus, ListStatus, PpksSource, PpksStatus, PpksUnit, PsksForm,
    RecipientStatus, ReferralStatus, Role, Sex, TargetUnit, Urgency,
)
from desktop.core.domain.enums import ActivityKind, VisitPurpose, VisitStatus
from desktop.core.domain.enums import (  # issue 16: complaints, verivali, proposals
    ComplaintCategory, ComplaintChannel, ComplaintStatus, ProposalStatus, ResultCode, RoundStatus,
)
from desktop.gui.i18n import N_, tr

LABELS: dict[type[Enum], dict[Enum, str]] = {
    Sex: {Sex.MALE: N_("Laki-laki"), Sex.FEMALE: N_("Perempuan")},
    LifeStatus: {LifeStatus.ALIVE: N_("Hidup"), LifeStatus.DECEASED: N_("Meninggal"), LifeStatus.MOVED: N_("Pindah")},
    Disability: {Disability.PHYSICAL: N_("Fisik"), Disability.INTELLECTUAL: N_("Intelektual"),
                 Disability.MENTAL: N_("Mental"), Disability.VISUAL: N_("Sensorik netra"),
                 Disability.HEARING: N_("Sensorik rungu"), Disability.SPEECH: N_("Sensorik wicara"),
                 Disability.MULTIPLE: N_("Ganda")},
    PpksUnit: {PpksUnit.PERSON: N_("Orang"), PpksUnit.FAMILY: N_("Keluarga"), PpksUnit.COMMUNITY: N_("Komunitas")},
    PpksSource: {PpksSource.TKSK: "TKSK", PpksSource.PSM: "PSM", PpksSource.DESA: N_("Desa"),
                 PpksSource.IMPORT: N_("Impor"), PpksSource.OTHER: N_("Lainnya")},
    PpksStatus: {PpksStatus.ACTIVE: N_("Aktif"), PpksStatus.HANDLED: N_("Tertangani"),
                 PpksStatus.DECEASED: N_("Meninggal"), PpksStatus.MOVED: N_("Pindah")},
    PsksForm: {PsksForm.PERSON: N_("Orang"), PsksForm.FAMILY: N_("Keluarga"), PsksForm.ORGANISATION: N_("Lembaga")},
    InstitutionKind: {InstitutionKind.DINSOS: N_("Dinas Sosial"), InstitutionKind.HEALTH: N_("Puskesmas / RSUD"),
                      InstitutionKind.RESIDENTIAL_CARE: N_("Panti / LKS"), InstitutionKind.PPA: "UPTD PPA",
                      InstitutionKind.DUKCAPIL: "Dukcapil", InstitutionKind.OTHER: N_("Lainnya")},
    Urgency: {Urgency.NORMAL: N_("Biasa"), Urgency.URGENT: N_("Segera"), Urgency.EMERGENCY: N_("Sangat segera")},
    ReferralStatus: {ReferralStatus.DRAFT: N_("Konsep"), ReferralStatus.SIGNED: N_("Ditandatangani"),
                     ReferralStatus.SENT: N_("Dikirim"), ReferralStatus.RECEIVED: N_("Diterima lembaga"),
                     ReferralStatus.FOLLOWED_UP: N_("Ditindaklanjuti"), ReferralStatus.CLOSED: N_("Selesai")},
    LetterStatus: {LetterStatus.ISSUED: N_("Terbit"), LetterStatus.CANCELLED: N_("Dibatalkan")},
    Funding: {Funding.APBN: "APBN", Funding.APBD_PROV: N_("APBD Provinsi"),
              Funding.APBD_KAB: N_("APBD Kabupaten/Kota"), Funding.DANA_DESA: N_("Dana Desa"), Funding.CSR: "CSR",
              Funding.OTHER: N_("Lainnya")},
    AidForm: {AidForm.CASH: N_("Tunai"), AidForm.GOODS: N_("Barang")},
    TargetUnit: {TargetUnit.PERSON: N_("Per orang"), TargetUnit.FAMILY: N_("Per keluarga")},
    ListStatus: {ListStatus.DRAFT: N_("Draf"), ListStatus.FINAL: N_("Final")},
    RecipientStatus: {RecipientStatus.INCLUDED: N_("Masuk"), RecipientStatus.EXCLUDED: N_("Dikeluarkan")},
    CheckKind: {CheckKind.SAME_NIK: N_("NIK ganda"), CheckKind.SAME_KK: N_("No. KK ganda"),
                CheckKind.OTHER_PROGRAMME: N_("Program lain"), CheckKind.DECEASED: N_("Meninggal"),
                CheckKind.MOVED: N_("Pindah"), CheckKind.NO_NIK: N_("Tanpa NIK")},
    Decision: {Decision.KEEP: N_("Tetap"), Decision.EXCLUDE: N_("Dikeluarkan")},
    CollectStatus: {CollectStatus.DUE: N_("Menunggu"), CollectStatus.COLLECTED: N_("Diambil"),
                    CollectStatus.ABSENT: N_("Tidak hadir")},
    EventState: {EventState.PLANNED: N_("Direncanakan"), EventState.UNDER_WAY: N_("Berlangsung"),
                 EventState.CLOSED: N_("Ditutup")},
    DeskAction: {DeskAction.COLLECTED: N_("diambil"), DeskAction.ABSENT: N_("tidak hadir"),
                 DeskAction.REVERSED: N_("dibatalkan"), DeskAction.EVENT_CLOSED: N_("ditutup"),
                 DeskAction.EVENT_REOPENED: N_("dibuka kembali")},
    Role: {Role.ADMIN: N_("Admin"), Role.CAMAT: N_("Camat/Kasi"), Role.OPERATOR: N_("Operator"),
           Role.DESK: N_("Petugas meja"), Role.GUEST: N_("Tamu")},
    ActivityKind: {ActivityKind.ASSESSMENT: N_("Asesmen"), ActivityKind.ACCOMPANIMENT: N_("Pendampingan"),
                   ActivityKind.OUTREACH: N_("Penyuluhan"), ActivityKind.REFERRAL: N_("Rujukan"),
                   ActivityKind.DISTRIBUTION: N_("Penyaluran bantuan"), ActivityKind.VERIVALI: N_("Verivali data"),
                   ActivityKind.DISASTER: N_("Tanggap bencana"), ActivityKind.COORDINATION: N_("Rapat koordinasi"),
                   ActivityKind.OTHER: N_("Lainnya")},
    VisitPurpose: {VisitPurpose.ASSESSMENT: N_("Asesmen"), VisitPurpose.MONITORING: N_("Monitoring"),
                   VisitPurpose.FOLLOW_UP: N_("Tindak lanjut rujukan"), VisitPurpose.GRADUATION: N_("Graduasi")},
    VisitStatus: {VisitStatus.PLANNED: N_("Direncanakan"), VisitStatus.DONE: N_("Selesai"),
                  VisitStatus.CANCELLED: N_("Batal")},
    # issue 16: complaints, verivali rounds, proposals
    ComplaintChannel: {ComplaintChannel.WALK_IN: N_("Datang langsung"), ComplaintChannel.WHATSAPP: "WhatsApp",
                       ComplaintChannel.PHONE: N_("Telepon"), ComplaintChannel.LETTER: N_("Surat"),
                       ComplaintChannel.PUSKESOS: "Puskesos", ComplaintChannel.LAPOR: "LAPOR!"},
    ComplaintCategory: {ComplaintCategory.NOT_REGISTERED: N_("Belum terdaftar"),
                        ComplaintCategory.MISTARGETED: N_("Salah sasaran"),
                        ComplaintCategory.NOT_RECEIVED: N_("Tidak menerima bantuan"),
                        ComplaintCategory.WRONG_DATA: N_("Data salah"), ComplaintCategory.OTHER: N_("Lainnya")},
    ComplaintStatus: {ComplaintStatus.NEW: N_("Baru"), ComplaintStatus.IN_PROGRESS: N_("Diproses"),
                      ComplaintStatus.WAITING: N_("Menunggu pihak lain"), ComplaintStatus.DONE: N_("Selesai"),
                      ComplaintStatus.REJECTED: N_("Ditolak")},
    RoundStatus: {RoundStatus.OPEN: N_("Berjalan"), RoundStatus.CLOSED: N_("Ditutup")},
    ResultCode: {ResultCode.ELIGIBLE: N_("Tetap layak"), ResultCode.NOT_ELIGIBLE: N_("Tidak layak/mampu"),
                 ResultCode.DECEASED: N_("Meninggal"), ResultCode.MOVED: N_("Pindah"),
                 ResultCode.NOT_FOUND: N_("Tidak ditemukan"), ResultCode.DUPLICATE: N_("Ganda"),
                 ResultCode.FIX_ID: N_("Perbaikan NIK/KK"), ResultCode.PROPOSED: N_("Usulan baru")},
    ProposalStatus: {ProposalStatus.DRAFT: N_("Draf"), ProposalStatus.RETURNED: N_("Dikembalikan"),
                     ProposalStatus.IN_MUSDES: N_("Dibahas di musdes"), ProposalStatus.SENT: N_("Dikirim ke SIKS-NG"),
                     ProposalStatus.APPROVED: N_("Disetujui"), ProposalStatus.REJECTED: N_("Ditolak")},
}


def label(member: Enum) -> str:
    """The member's name on screen, in the user's language."""
    return tr(LABELS[type(member)][member])


def choices(enum: type[Enum]) -> list[tuple[str, Enum]]:
    """(label, member) in the enum's order, for a combo box."""
    return [(tr(text), member) for member, text in LABELS[enum].items()]
