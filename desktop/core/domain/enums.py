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
