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
