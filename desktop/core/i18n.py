"""Texts of the Qt-free layer (CLI output, validation findings, error messages).

The GUI translates its own strings with Qt's .ts files; the core cannot use Qt, so it keeps its
texts here as (Indonesian, English) pairs under stable keys. Indonesian is the default.
"""

from __future__ import annotations

import os
from typing import Final

LANGUAGES: Final = ("id", "en")
_lang = os.environ.get("SIMPUL_LANG", "id") if os.environ.get("SIMPUL_LANG") in LANGUAGES else "id"

# key: (Bahasa Indonesia, English). Placeholders use str.format names.
_CATALOG: dict[str, tuple[str, str]] = {
    # identifiers
    "nik.format": ("NIK harus 16 digit angka (tertulis: {value}).",
                   "A NIK must be 16 digits (found: {value})."),
    "nik.leading_zero": ("NIK tidak boleh diawali angka 0.", "A NIK cannot start with 0."),
    "nik.province": ("Kode provinsi \"{code}\" di NIK tidak dikenal.",
                     "The province code \"{code}\" in the NIK is unknown."),
    "nik.region_zero": ("Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00.",
                        "The regency and district codes in a NIK cannot be 00."),
    "nik.birth_date": ("Tanggal lahir di NIK tidak ada di kalender (DDMMYY, perempuan +40).",
                       "The birth date in the NIK is not a real date (DDMMYY, women +40)."),
    "nik.serial": ("Nomor urut NIK (4 digit terakhir) tidak boleh 0000.",
                   "The NIK serial (last 4 digits) cannot be 0000."),
    "nik.region_unknown": ("Kode wilayah {code} di NIK tidak ada di daftar Kemendagri terbaru "
                           "(bisa kode lama sebelum pemekaran).",
                           "Region {code} in the NIK is not in the current Kemendagri list "
                           "(it may be an old code from before a split)."),
    "nik.numeric_cell": ("NIK tersimpan sebagai angka di Excel; digit terakhir bisa hilang. "
                         "Ketik ulang sebagai teks.",
                         "The NIK was stored as a number in Excel; its last digit may be lost. "
                         "Re-type it as text."),
    "nik.mismatch_birth_date": ("Tanggal lahir {birth_date} tidak sama dengan tanggal di NIK ({nik_date}).",
                                "Birth date {birth_date} differs from the date in the NIK ({nik_date})."),
    "nik.mismatch_sex": ("Jenis kelamin {sex} tidak sama dengan NIK ({nik_sex}).",
                         "Sex {sex} differs from the NIK ({nik_sex})."),
    "nik.duplicate": ("NIK {nik} sudah dipakai oleh {name}.", "NIK {nik} already belongs to {name}."),
    "kk.format": ("No. KK harus 16 digit angka (tertulis: {value}).",
                  "A family card number must be 16 digits (found: {value})."),
    "kk.leading_zero": ("No. KK tidak boleh diawali angka 0.", "A family card number cannot start with 0."),
    "kk.province": ("Kode provinsi \"{code}\" di No. KK tidak dikenal.",
                    "The province code \"{code}\" in the family card number is unknown."),
    "kk.region_zero": ("Kode kabupaten/kota dan kecamatan di No. KK tidak boleh 00.",
                       "The regency and district codes in a family card number cannot be 00."),
    "kk.date": ("Tanggal pencatatan di No. KK (DDMMYY) tidak ada di kalender.",
                "The recording date in the family card number (DDMMYY) is not a real date."),
    "kk.future": ("Tanggal pencatatan di No. KK ada di masa depan.",
                  "The recording date in the family card number is in the future."),
    "kk.serial": ("Nomor urut No. KK (4 digit terakhir) tidak boleh 0000.",
                  "The family card serial (last 4 digits) cannot be 0000."),
    "kk.duplicate": ("No. KK {kk} sudah terdaftar.", "Family card {kk} is already registered."),
    # PPKS rules
    "ppks.age_below": ("Umur {age} tahun di bawah batas kategori {code} ({limit} tahun).",
                       "Age {age} is below the limit of category {code} ({limit} years)."),
    "ppks.age_above": ("Umur {age} tahun di atas batas kategori {code} ({limit} tahun).",
                       "Age {age} is above the limit of category {code} ({limit} years)."),
    "ppks.sex": ("Kategori {code} biasanya untuk jenis kelamin {sex}.",
                 "Category {code} is usually for sex {sex}."),
    "ppks.no_birth_date": ("Tanggal lahir kosong; aturan umur kategori {code} tidak bisa diperiksa.",
                           "No birth date; the age rule of category {code} cannot be checked."),
    "ppks.unit": ("Kategori {code} dicatat per {unit}, bukan per {given}.",
                  "Category {code} is recorded per {unit}, not per {given}."),
    "ppks.unknown": ("Kategori PPKS \"{code}\" tidak dikenal.", "Unknown PPKS category \"{code}\"."),
    "ppks.duplicate": ("Kategori {code} sudah tercatat untuk data ini.",
                       "Category {code} is already recorded for this record."),
    "psks.unknown": ("Jenis PSKS \"{code}\" tidak dikenal.", "Unknown PSKS type \"{code}\"."),
    "psks.holder": ("PSKS {code} dipegang oleh {form}; isi data {form}.",
                    "PSKS {code} is held by a {form}; fill in the {form}."),
    "record.not_found": ("Data {what} #{id} tidak ditemukan (mungkin sudah dihapus).",
                         "{what} #{id} was not found (it may have been deleted)."),
    "person.is_psks_holder": ("Penduduk ini tercatat sebagai PSKS (misalnya TKSK atau PSM). Hapus "
                              "atau alihkan data PSKS-nya dulu, lalu hapus penduduknya.",
                              "This person holds a PSKS role (a TKSK or PSM, for instance). Delete or "
                              "reassign that PSKS record first."),
    "family.is_psks_holder": ("Keluarga ini tercatat sebagai Keluarga Pioner. Hapus data PSKS-nya dulu.",
                              "This family is recorded as a Keluarga Pioner. Delete that PSKS record first."),
    "person.name_required": ("Nama wajib diisi.", "A name is required."),
    "person.sex_invalid": ("Jenis kelamin harus L atau P.", "Sex must be L or P."),
    "region.not_in_kecamatan": ("Desa/kelurahan {code} tidak ada di kecamatan ini.",
                                "Desa/kelurahan {code} is not in this kecamatan."),
    "rt_rw.format": ("RT/RW harus berupa angka 1 sampai 999 (tertulis: {value}).",
                     "RT/RW must be a number from 1 to 999 (found: {value})."),
    "desil.range": ("Desil harus 1 sampai 10 (tertulis: {value}).", "Desil must be 1 to 10 (found: {value})."),
    # database and storage
    "db.locked": ("Basis data sedang dipakai program lain dan terkunci. Tutup program Simpul lain "
                  "yang membukanya, lalu coba lagi. Tidak ada data yang berubah.",
                  "The database is locked by another program. Close the other Simpul window that "
                  "has it open and try again. Nothing was changed."),
    "db.corrupt": ("Berkas {path} bukan basis data Simpul atau sudah rusak. Pulihkan dari cadangan "
                   "di folder {backups}, atau pilih berkas lain.",
                   "{path} is not a Simpul database or is damaged. Restore a backup from {backups}, "
                   "or choose another file."),
    "db.unreachable": ("Tidak bisa terhubung ke basis data {url}: {reason}. Periksa alamat server, "
                       "nama pengguna dan sandi, atau tanya pengelola server kabupaten.",
                       "Cannot connect to database {url}: {reason}. Check the server address, user "
                       "and password, or ask the regency's server administrator."),
    "db.disk_full": ("Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu ulangi; "
                     "data lama tetap utuh.",
                     "The disk is full: nothing was saved. Free some space and try again; "
                     "existing data is intact."),
    "db.read_only": ("Basis data hanya bisa dibaca (izin folder atau berkas). Pindahkan berkas ke "
                     "folder yang bisa ditulisi.",
                     "The database is read-only (folder or file permissions). Move it to a "
                     "writable folder."),
    "db.not_initialised": ("Basis data belum disiapkan. Jalankan: simpul init --kecamatan KODE "
                           "(misalnya 64.02.06).",
                           "The database is not set up yet. Run: simpul init --kecamatan CODE "
                           "(for example 64.02.06)."),
    "db.outdated": ("Basis data memakai versi skema lama ({current}); jalankan simpul init untuk "
                    "memperbaruinya (cadangan dibuat otomatis).",
                    "The database uses an old schema ({current}); run simpul init to upgrade it "
                    "(a backup is made first)."),
    "db.newer": ("Basis data dibuat oleh Simpul versi yang lebih baru ({current}). Perbarui "
                 "aplikasi Simpul sebelum membukanya.",
                 "The database was made by a newer Simpul ({current}). Update Simpul first."),
    "db.upgrade_failed": ("Pembaruan basis data gagal: {reason}. Berkas lama sudah dipulihkan dari "
                          "cadangan {backup}.",
                          "The database upgrade failed: {reason}. The old file was restored from "
                          "backup {backup}."),
    "db.other_kecamatan": ("Basis data ini milik kecamatan {existing}, bukan {requested}. "
                           "Pakai berkas lain untuk kecamatan lain.",
                           "This database belongs to kecamatan {existing}, not {requested}. "
                           "Use another file for another kecamatan."),
    "region.kecamatan_unknown": ("Kode kecamatan {code} tidak ada di daftar wilayah Kemendagri. "
                                 "Tulis seperti 64.02.06 (provinsi.kabupaten.kecamatan).",
                                 "Kecamatan code {code} is not in the Kemendagri list. "
                                 "Write it like 64.02.06 (province.regency.district)."),
    # CLI
    "cli.init.created": ("Basis data {db} siap untuk Kecamatan {name} ({code}): {desa} desa/kelurahan.",
                         "Database {db} is ready for Kecamatan {name} ({code}): {desa} villages."),
    "cli.init.unchanged": ("Basis data {db} sudah siap untuk Kecamatan {name} ({code}); tidak ada yang diubah.",
                           "Database {db} was already set up for Kecamatan {name} ({code}); nothing changed."),
    "cli.init.upgraded": ("Skema diperbarui dari {old} ke {new}; cadangan: {backup}.",
                          "Schema upgraded from {old} to {new}; backup: {backup}."),
    "cli.demo.done": ("Data contoh ditambahkan: {families} keluarga, {persons} penduduk, {ppks} catatan PPKS, "
                      "{psks} PSKS ({seconds} detik).",
                      "Demo data added: {families} families, {persons} persons, {ppks} PPKS records, "
                      "{psks} PSKS ({seconds} s)."),
    "cli.check.ok": ("Pemeriksaan selesai: tidak ada masalah.", "Check finished: no problems."),
    "cli.check.problems": ("Pemeriksaan selesai: {errors} masalah, {warnings} peringatan.",
                           "Check finished: {errors} problems, {warnings} warnings."),
    "cli.upgrade.nothing": ("Belum ada basis data di {db}; tidak ada yang perlu diperbarui.",
                            "There is no database at {db} yet; nothing to upgrade."),
    "cli.upgrade.current": ("Basis data {db} sudah versi terbaru ({rev}).",
                            "Database {db} is already current ({rev})."),
    "cli.error": ("kesalahan", "error"),
    "cli.interrupted": ("Dibatalkan.", "Cancelled."),
    "cli.gui_missing": ("Tampilan aplikasi (PySide6) tidak terpasang: {reason}. Pasang ulang Simpul.",
                        "The application window (PySide6) is not installed: {reason}. Reinstall Simpul."),
    # check findings
    "check.revision": ("Versi skema basis data: {current} (terbaru: {head}).",
                       "Database schema version: {current} (latest: {head})."),
    "check.integrity": ("Pemeriksaan integritas SQLite: {result}.", "SQLite integrity check: {result}."),
    "check.foreign_keys": ("{count} baris menunjuk ke data yang tidak ada (tabel {table}).",
                           "{count} rows point to missing records (table {table})."),
    "check.office_missing": ("Profil kantor belum diisi.", "The office profile is missing."),
    "check.regions_missing": ("Daftar desa/kelurahan kecamatan kosong.", "The kecamatan has no villages."),
    "check.reference": ("Tabel rujukan {table} berisi {count} baris, seharusnya {expected}.",
                        "Reference table {table} has {count} rows, expected {expected}."),
    "check.invalid_nik": ("{count} NIK tidak sah strukturnya, misalnya {example}.",
                          "{count} NIKs have an invalid structure, e.g. {example}."),
    "check.invalid_kk": ("{count} No. KK tidak sah strukturnya, misalnya {example}.",
                         "{count} family card numbers have an invalid structure, e.g. {example}."),
    "check.without_nik": ("{count} penduduk tanpa NIK (ditandai).", "{count} persons without a NIK (flagged)."),
    "check.nik_mismatch": ("{count} penduduk dengan NIK yang tidak cocok dengan tanggal lahir atau jenis kelamin.",
                           "{count} persons whose NIK disagrees with birth date or sex."),
    "check.family_without_head": ("{count} keluarga tanpa kepala keluarga.",
                                  "{count} families without a head."),
    "check.family_many_heads": ("{count} keluarga dengan lebih dari satu kepala keluarga.",
                                "{count} families with more than one head."),
    "check.desa_outside": ("{count} alamat memakai desa di luar kecamatan ini.",
                           "{count} addresses use a village outside this kecamatan."),
    "check.counts": ("Isi: {families} keluarga, {persons} penduduk, {ppks} catatan PPKS, {psks} PSKS.",
                     "Contents: {families} families, {persons} persons, {ppks} PPKS records, {psks} PSKS."),
}


def set_language(lang: str) -> None:
    global _lang
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _lang = lang


def language() -> str:
    return _lang


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the current language, with `params` filled in."""
    pair = _CATALOG[key]
    text = pair[1] if _lang == "en" else pair[0]
    return text.format(**params) if params else text


def number(value: float, decimals: int = 0) -> str:
    """A number as the reader writes it: "7.198" and "0,9" in Indonesian, "7,198" and "0.9" in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="id_ID" if _lang == "id" else "en_US")


def has(key: str) -> bool:
    return key in _CATALOG
