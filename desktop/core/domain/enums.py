"""Closed value lists of the registry. Values are the Indonesian words stored in the database."""

from enum import StrEnum


class Sex(StrEnum):
    L = "L"
    P = "P"


class LifeStatus(StrEnum):
    HIDUP = "hidup"
    MENINGGAL = "meninggal"
    PINDAH = "pindah"


class Disability(StrEnum):
    FISIK = "fisik"
    INTELEKTUAL = "intelektual"
    MENTAL = "mental"
    NETRA = "sensorik netra"
    RUNGU = "sensorik rungu"
    WICARA = "sensorik wicara"
    GANDA = "ganda"


class PpksUnit(StrEnum):
    ORANG = "orang"
    KELUARGA = "keluarga"
    KOMUNITAS = "komunitas"


class PpksSource(StrEnum):
    TKSK = "tksk"
    PSM = "psm"
    DESA = "desa"
    IMPORT = "import"
    LAINNYA = "lainnya"


class PpksStatus(StrEnum):
    AKTIF = "aktif"
    TERTANGANI = "tertangani"
    MENINGGAL = "meninggal"
    PINDAH = "pindah"


class PsksForm(StrEnum):
    ORANG = "orang"
    KELUARGA = "keluarga"
    LEMBAGA = "lembaga"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    # Personal data leaving the database on paper or in a file (UU PDP art. 31: every processing).
    PRINT = "print"
    EXPORT = "export"


class InstitutionKind(StrEnum):
    DINSOS = "dinas sosial"
    KESEHATAN = "puskesmas/rsud"
    PANTI = "panti/lks"
    PPA = "uptd ppa"
    DUKCAPIL = "dukcapil"
    LAINNYA = "lainnya"


class Urgency(StrEnum):
    BIASA = "biasa"
    SEGERA = "segera"
    DARURAT = "darurat"


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
    LAINNYA = "lainnya"


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
