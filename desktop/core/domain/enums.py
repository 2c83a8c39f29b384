"""Closed value lists of the registry. Values are the Indonesian words stored in the database."""

from enum import StrEnum


class Sex(StrEnum):
    MALE = "L"
    FEMALE = "P"


class LifeStatus(StrEnum):
    ALIVE = "hidup"
    DECEASED = "meninggal"
    MOVED = "pindah"


class Disability(StrEnum):
    PHYSICAL = "fisik"
    INTELLECTUAL = "intelektual"
    MENTAL = "mental"
    VISUAL = "sensorik netra"
    HEARING = "sensorik rungu"
    SPEECH = "sensorik wicara"
    MULTIPLE = "ganda"


class PpksUnit(StrEnum):
    PERSON = "orang"
    FAMILY = "keluarga"
    COMMUNITY = "komunitas"


class PpksSource(StrEnum):
    TKSK = "tksk"
    PSM = "psm"
    DESA = "desa"
    IMPORT = "import"
    OTHER = "lainnya"


class PpksStatus(StrEnum):
    ACTIVE = "aktif"
    HANDLED = "tertangani"
    DECEASED = "meninggal"
    MOVED = "pindah"


class PsksForm(StrEnum):
    PERSON = "orang"
    FAMILY = "keluarga"
    ORGANISATION = "lembaga"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    # Personal data leaving the database on paper or in a file (UU PDP art. 31: every processing).
    PRINT = "print"
    EXPORT = "export"


class InstitutionKind(StrEnum):
    DINSOS = "dinas sosial"
    HEALTH = "puskesmas/rsud"
    RESIDENTIAL_CARE = "panti/lks"
    PPA = "uptd ppa"
    DUKCAPIL = "dukcapil"
    OTHER = "lainnya"


class Urgency(StrEnum):
    NORMAL = "biasa"
    URGENT = "segera"
    EMERGENCY = "darurat"


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "ditandatangani"
    SENT = "dikirim"
    RECEIVED = "diterima"
    FOLLOWED_UP = "ditindaklanjuti"
    CLOSED = "selesai"


class LetterStatus(StrEnum):
    ISSUED = "terbit"
    CANCELLED = "dibatalkan"


class Funding(StrEnum):
    APBN = "APBN"
    APBD_PROV = "APBD Provinsi"
    APBD_KAB = "APBD Kabupaten/Kota"
    DANA_DESA = "Dana Desa"
    CSR = "CSR"
    OTHER = "lainnya"


class AidForm(StrEnum):
    CASH = "tunai"
    GOODS = "barang"


class TargetUnit(StrEnum):
    PERSON = "orang"
    FAMILY = "keluarga"


class ListStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class RecipientStatus(StrEnum):
    INCLUDED = "masuk"
    EXCLUDED = "dikeluarkan"


class CheckKind(StrEnum):
    """Why a recipient needs a decision before a list is final."""

    SAME_NIK = "nik ganda"
    SAME_KK = "kk ganda"
    OTHER_PROGRAMME = "program lain"
    DECEASED = "meninggal"
    MOVED = "pindah"
    NO_NIK = "tanpa nik"


class Decision(StrEnum):
    KEEP = "tetap"
    EXCLUDE = "keluarkan"


class CollectStatus(StrEnum):
    DUE = "menunggu"
    COLLECTED = "diambil"
    ABSENT = "tidak hadir"


class EventState(StrEnum):
    """Where a distribution event stands: before the day, under way, or closed."""

    PLANNED = "direncanakan"
    UNDER_WAY = "berlangsung"
    CLOSED = "selesai"


class DeskAction(StrEnum):
    """What the desk log records."""

    COLLECTED = "diambil"
    ABSENT = "tidak hadir"
    REVERSED = "dibatalkan"
    EVENT_CLOSED = "ditutup"
    EVENT_REOPENED = "dibuka kembali"


class Role(StrEnum):
    """What a user of Simpul does in the office (desktop.core.access gives each its rights)."""

    ADMIN = "admin"
    CAMAT = "camat"  # the Camat or the Kasi Kesos: decides and signs
    OPERATOR = "operator"
    DESK = "meja"  # petugas meja: the distribution desk only
    GUEST = "tamu"  # aggregate figures only


# ---- PSKS at work (issue 17): the activity log, home visits --------------------------------------

class ActivityKind(StrEnum):
    """What a PSKS did on a day in the field, in the words of the E-PSKS report."""

    ASSESSMENT = "asesmen"
    ACCOMPANIMENT = "pendampingan"
    OUTREACH = "penyuluhan"
    REFERRAL = "rujukan"
    DISTRIBUTION = "penyaluran"
    VERIVALI = "verivali"
    DISASTER = "tanggap bencana"
    COORDINATION = "rapat koordinasi"
    OTHER = "lainnya"


class VisitPurpose(StrEnum):
    ASSESSMENT = "asesmen"
    MONITORING = "monitoring"
    FOLLOW_UP = "tindak lanjut"  # of a referral
    GRADUATION = "graduasi"


class VisitStatus(StrEnum):
    PLANNED = "direncanakan"
    DONE = "selesai"
    CANCELLED = "batal"


# ---- complaints, verivali rounds, proposals (issue 16) -------------------------------------------

class ComplaintChannel(StrEnum):
    WALK_IN = "datang"
    WHATSAPP = "whatsapp"
    PHONE = "telepon"
    LETTER = "surat"
    PUSKESOS = "puskesos"
    LAPOR = "lapor"  # the national LAPOR! channel


class ComplaintCategory(StrEnum):
    NOT_REGISTERED = "belum terdaftar"
    MISTARGETED = "salah sasaran"
    NOT_RECEIVED = "tidak menerima"
    WRONG_DATA = "data salah"
    OTHER = "lainnya"


class ComplaintStatus(StrEnum):
    NEW = "baru"
    IN_PROGRESS = "diproses"
    WAITING = "menunggu pihak lain"
    DONE = "selesai"
    REJECTED = "ditolak"


class RoundStatus(StrEnum):
    OPEN = "berjalan"
    CLOSED = "ditutup"


class ResultCode(StrEnum):
    """The result of verifying one family (or member); the order is the code key typed (1-8)."""

    ELIGIBLE = "tetap layak"
    NOT_ELIGIBLE = "tidak layak"  # tidak layak / mampu
    DECEASED = "meninggal"
    MOVED = "pindah"
    NOT_FOUND = "tidak ditemukan"
    DUPLICATE = "ganda"
    FIX_ID = "perbaikan nik/kk"
    PROPOSED = "usulan baru"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    RETURNED = "dikembalikan"
    IN_MUSDES = "dibahas musdes"
    SENT = "dikirim siks-ng"
    APPROVED = "disetujui"
    REJECTED = "ditolak"
