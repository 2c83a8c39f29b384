"""Texts of the Qt-free layer (CLI output, validation findings, error messages).

The GUI translates its own strings with Qt's .ts files; the core cannot use Qt, so it keeps its
texts here as (Indonesian, English) pairs under stable keys. Indonesian is the default.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
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
    "person.sex_invalid": ("Jenis kelamin harus L atau P.", "Choose the sex: male (L) or female (P)."),
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
    "db.no_folder": ("Folder {folder} untuk basis data {path} tidak ada. Periksa ejaan --db, atau buat "
                     "basis data baru dengan: simpul --db {path} init --kecamatan KODE",
                     "Folder {folder} for database {path} does not exist. Check the --db spelling, or "
                     "create a new database with: simpul --db {path} init --kecamatan CODE"),
    "db.job_running": ("Pekerjaan lain sedang berjalan pada basis data ini ({running}, sejak {since} di komputer "
                       "{host}). Tunggu sampai selesai, lalu coba lagi. Tidak ada data yang berubah.",
                       "Another job is running on this database ({running}, since {since} on computer "
                       "{host}). Wait until it has finished, then try again. Nothing was changed."),
    "db.job_running_unknown": ("Pekerjaan panjang lain (impor, data contoh atau pemulihan cadangan) sedang berjalan "
                               "pada basis data ini. Tunggu sampai selesai, lalu coba lagi. Tidak ada data yang "
                               "berubah.", "Another long job (an import, demo data or a restore) is running on "
                               "this database. Wait until it has finished, then try again. Nothing was changed."),
    "db.bad_url": ("{url} bukan berkas atau alamat basis data yang dikenal ({reason}). Pakai nama berkas "
                   "SQLite (kantor.db) atau URL seperti postgresql+psycopg://pengguna@server/basisdata.",
                   "{url} is not a known database file or address ({reason}). Use an SQLite file name "
                   "(office.db) or a URL such as postgresql+psycopg://user@server/database."),
    "db.corrupt": ("Berkas {path} bukan basis data Simpul atau sudah rusak. {backups}",
                   "{path} is not a Simpul database or is damaged. {backups}"),
    "db.unreachable": ("Tidak bisa terhubung ke basis data {url}: {reason}. Periksa alamat server, "
                       "nama pengguna dan sandi, atau tanya pengelola server kabupaten.",
                       "Cannot connect to database {url}: {reason}. Check the server address, user "
                       "and password, or ask the regency's server administrator."),
    "db.disk_full": ("Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu ulangi; "
                     "data lama tetap utuh.",
                     "The disk is full: nothing was saved. Free some space and try again; "
                     "existing data is intact."),
    "db.io_error": ("Disk menolak menulis basis data (disk penuh, batas ukuran berkas, atau flashdisk/disk "
                    "jaringan terputus): data tidak tersimpan, data lama tetap utuh. Periksa disk dan ruang "
                    "kosongnya, lalu ulangi.", "The disk refused to write the database (full, a file-size "
                    "limit, or a USB/network drive gone): nothing was saved and existing data is intact. "
                    "Check the disk and its free space, then try again."),
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
    # the first start of `simpul --demo` (startup, demo data)
    "startup.demo.start": ("Basis data contoh belum ada: membuat {families} keluarga contoh di {db}…",
                           "No demo database yet: creating {families} demo families in {db}…"),
    "startup.demo.progress": ("Membuat data contoh… {percent}%", "Creating demo data… {percent}%"),
    "startup.demo.done": ("Data contoh siap ({seconds} detik).", "Demo data ready ({seconds} s)."),
    "cli.check.ok": ("Pemeriksaan selesai: tidak ada masalah.", "Check finished: no problems."),
    "cli.check.problems": ("Pemeriksaan selesai: {errors} masalah, {warnings} peringatan.",
                           "Check finished: {errors} problems, {warnings} warnings."),
    "cli.upgrade.nothing": ("Belum ada basis data di {db}; tidak ada yang perlu diperbarui.",
                            "There is no database at {db} yet; nothing to upgrade."),
    "cli.upgrade.current": ("Basis data {db} sudah versi terbaru ({rev}).",
                            "Database {db} is already current ({rev})."),
    "cli.error": ("kesalahan", "error"),
    "cli.interrupted": ("Dibatalkan.", "Cancelled."),
    "cli.file_error": ("Berkas {path} tidak bisa dibuka atau ditulis: {reason}. Periksa foldernya, izinnya dan "
                       "sisa ruang disk.", "File {path} cannot be opened or written: {reason}. Check the folder, "
                       "its permissions and the free disk space."),
    "cli.unexpected": ("Terjadi kesalahan yang tidak terduga ({error}); tidak ada data yang berubah. Rincian "
                       "teknis (tanpa data pribadi) ada di {log}; sampaikan kepada pengelola Simpul.",
                       "An unexpected error occurred ({error}); nothing was changed. Technical details "
                       "(without personal data) are in {log}; pass them to Simpul's maintainer."),
    "cli.gui_missing": ("Tampilan aplikasi (PySide6) tidak terpasang: {reason}. Pasang ulang Simpul.",
                        "The application window (PySide6) is not installed: {reason}. Reinstall Simpul."),
    # users, roles and login (desktop.core.access, desktop.core.services.users)
    # privacy (issue 15): purposes of disclosures
    "privacy.purpose_needed": ("Sebutkan tujuan pengeluaran data pribadi ini (misalnya \"pemadanan DTSEN untuk "
                               "Dinsos\"), dengan --tujuan di baris perintah. Tujuan itu dicatat di jejak audit; "
                               "tanpa tujuan tidak ada yang ditulis.",
                               "Say why this personal data leaves the registry (e.g. \"DTSEN matching for the "
                               "Dinsos\"), with --purpose on the command line. It is kept in the audit trail; "
                               "without it nothing is written."),
    "cli.export.purpose_prompt": ("Tujuan ekspor (dicatat di jejak audit): ", "Purpose of this export (kept in the "
                                  "audit trail): "),
    "access.denied": ("Pengguna {user} tidak berhak {right}. Minta Admin kantor memberi hak itu atau minta "
                      "rekan yang berhak mengerjakannya.", "User {user} may not {right}. Ask the office "
                      "Admin for that right, or ask a colleague who has it."),
    "login.failed": ("Nama pengguna atau kata sandi salah. Setelah {n} kali salah, akun dikunci {minutes} menit.",
                     "Wrong user name or password. After {n} wrong attempts the account is locked for "
                     "{minutes} minutes."),
    "login.disabled": ("Akun ini sudah dinonaktifkan. Hubungi Admin kantor.",
                       "This account has been disabled. Contact the office Admin."),
    "login.locked": ("Akun dikunci sementara karena kata sandi salah berulang kali. Coba lagi dalam {minutes} "
                     "menit, atau minta Admin mengatur ulang kata sandinya.",
                     "The account is locked for a while after repeated wrong passwords. Try again in "
                     "{minutes} minutes, or ask the Admin to reset the password."),
    "login.needed": ("Basis data ini memakai akun pengguna. Tambahkan --user NAMA (kata sandi ditanyakan, atau "
                     "dibaca dari berkas di SIMPUL_PASSWORD_FILE).", "This database has user accounts. Add "
                     "--user NAME (the password is asked for, or read from the file in SIMPUL_PASSWORD_FILE)."),
    "user.password_short": ("Kata sandi minimal {n} karakter.", "A password needs at least {n} characters."),
    "user.password_is_name": ("Kata sandi tidak boleh sama dengan nama pengguna.",
                              "The password may not be the user name."),
    "user.bad_name": ("Nama pengguna \"{name}\" tidak bisa dipakai: 2-60 huruf, angka, titik, garis bawah, "
                      "tanda hubung atau spasi.", "User name \"{name}\" cannot be used: 2-60 letters, digits, "
                      "dots, underscores, hyphens or spaces."),
    "user.exists": ("Pengguna {name} sudah ada.", "User {name} already exists."),
    "user.first_is_admin": ("Pengguna pertama harus Admin, supaya ada yang bisa mengelola akun lain.",
                            "The first user must be an Admin, so that someone can manage the others."),
    "user.unknown": ("Tidak ada pengguna bernama {name}.", "There is no user named {name}."),
    "user.last_admin": ("Ini Admin aktif terakhir; tambahkan Admin lain dulu sebelum menonaktifkannya.",
                        "This is the last active Admin; add another Admin before disabling this one."),
    "user.recover_not_admin": ("{name} bukan Admin; kode pemulihan hanya untuk akun Admin.",
                               "{name} is not an Admin; the recovery code is for Admin accounts only."),
    "user.recover_bad_code": ("Kode pemulihan salah atau sudah pernah dipakai. Periksa kertas kode yang dicetak "
                              "saat penyiapan.", "The recovery code is wrong or was used already. Check the "
                              "code sheet printed at set-up."),
    "user.password_file": ("Kata sandi tidak bisa dibaca dari {path}: {reason}.",
                           "The password cannot be read from {path}: {reason}."),
    "cli.user.added": ("Pengguna {name} ({role}) ditambahkan.", "User {name} ({role}) added."),
    "cli.user.disabled": ("Pengguna {name} dinonaktifkan.", "User {name} disabled."),
    "cli.user.reset": ("Kata sandi {name} diganti; ia memilih kata sandi sendiri saat masuk berikutnya (di jendela, "
                       "atau: simpul --user {name} password).", "The password of {name} was reset; they choose "
                       "their own at the next login (in the window, or: simpul --user {name} password)."),
    "cli.user.password_changed": ("Kata sandi {name} diganti.", "The password of {name} was changed."),
    "cli.user.must_change": ("Kata sandi ini diatur ulang oleh Admin: ganti dengan kata sandi Anda sendiri "
                             "(simpul --user {name} password).", "This password was reset by an Admin: change it "
                             "to one of your own (simpul --user {name} password)."),
    "cli.user.none": ("Belum ada pengguna: basis data ini terbuka bagi siapa saja yang membukanya. Tambahkan "
                      "Admin pertama: simpul user add NAMA --role admin",
                      "No users yet: anyone who opens this database can do everything. Add the first "
                      "Admin: simpul user add NAME --role admin"),
    "cli.user.recovery": ("KODE PEMULIHAN ADMIN (simpan di tempat aman, hanya ditampilkan sekali): {code}",
                          "ADMIN RECOVERY CODE (keep it somewhere safe; shown only once): {code}"),
    # users panel (Pengaturan → Pengguna) and `simpul user role|enable`
    "user.self_disable": ("Akun Anda sendiri tidak bisa Anda nonaktifkan; minta Admin lain melakukannya.",
                          "You cannot disable your own account; ask another Admin to do it."),
    "user.self_role": ("Peran dan hak akun Anda sendiri hanya bisa diubah oleh Admin lain.",
                       "Only another Admin can change the role and rights of your own account."),
    "user.last_admin_role": ("Ini Admin aktif terakhir; tambahkan Admin lain dulu sebelum mengganti perannya.",
                             "This is the last active Admin; add another Admin before changing this role."),
    "user.full_name_long": ("Nama lengkap paling panjang {n} karakter.",
                            "A full name has at most {n} characters."),
    "cli.user.enabled": ("Pengguna {name} diaktifkan kembali.", "User {name} enabled again."),
    "cli.user.role_set": ("Peran {name} sekarang {role}; hak tambahan: {grants}.",
                          "{name} now has the role {role}; extra rights: {grants}."),
    "cli.export.one_file": ("Sebutkan satu berkas keluaran saja (untuk bnba: PUTARAN KELUARAN.xlsx).",
                            "Name one output file only (for bnba: ROUND OUT.xlsx)."),
    "cli.export.round": ("Sebutkan putaran verivalinya: --round ID (lihat: simpul list rounds).",
                         "Name the verivali round: --round ID (see: simpul list rounds)."),
    "check.audit_broken": ("Jejak audit telah diubah di luar Simpul: entri nomor {id} (atau entri tepat sebelumnya) "
                           "diubah atau dihapus. Simpan berkas ini apa adanya sebagai bukti, laporkan kepada Admin, "
                           "dan bandingkan dengan cadangan.", "The audit trail was changed outside Simpul: entry "
                           "{id} (or the entry just before it) was edited or removed. Keep this file as it is as "
                           "evidence, tell the Admin, and compare it with a backup."),
    "check.audit_tail": ("Jejak audit lebih pendek daripada yang dicatat komputer ini: entri nomor {id} dan "
                         "sesudahnya dihapus di luar Simpul, atau salinan berkas yang lebih lama ditaruh di tempatnya "
                         "tanpa fitur pemulihan. Simpan berkas ini apa adanya sebagai bukti, laporkan kepada Admin, "
                         "dan bandingkan dengan cadangan.", "The audit trail is shorter than this computer recorded: "
                         "entry {id} and those after it were removed outside Simpul, or an older copy of the file "
                         "was put in its place without Restore. Keep this file as it is as evidence, tell the "
                         "Admin, and compare it with a backup."),
    "check.audit_ok": ("Jejak audit utuh: {n} entri berantai diperiksa.", "Audit trail intact: {n} chained entries "
                       "checked."),
    # outputs: where a file may be written (desktop.core.io.outputs)
    "output.database": ("{path} adalah basis data Simpul (atau berkas pendampingnya). Berkas itu tidak akan "
                        "ditimpa; pilih nama berkas lain untuk hasilnya.",
                        "{path} is a Simpul database (or one of its companion files). It will not be "
                        "overwritten; choose another file name for the output."),
    "output.backup": ("{path} ada di folder cadangan basis data. Simpan hasilnya di folder lain, misalnya "
                      "Dokumen.", "{path} is inside the database's backup folder. Save the output in "
                      "another folder, for example Documents."),
    "output.symlink": ("{path} adalah tautan (symlink) ke berkas lain; Simpul tidak menulis lewat tautan. "
                       "Pilih berkas biasa.", "{path} is a symbolic link; Simpul does not write through "
                       "links. Choose a plain file."),
    "output.no_folder": ("Folder {folder} tidak ada. Periksa ejaannya atau buat foldernya dulu, lalu coba "
                         "lagi.", "Folder {folder} does not exist. Check its spelling or create it first, "
                         "then try again."),
    "output.folder": ("{path} adalah folder, bukan berkas. Tulis nama berkasnya, misalnya {path}/hasil.",
                      "{path} is a folder, not a file. Give a file name, for example {path}/output."),
    "output.other_kind": ("{path} sudah ada dan berisi berkas jenis lain. Berkas itu tidak akan ditimpa; "
                          "pilih nama lain.", "{path} already exists and holds another kind of file. It "
                          "will not be overwritten; choose another name."),
    # import
    "import.missing": ("Berkas {file} tidak ditemukan.", "File {file} was not found."),
    "import.xls": ("{file} berformat Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai "
                   "\"Excel Workbook (.xlsx)\", lalu impor berkas .xlsx itu.",
                   "{file} is an old Excel file (.xls). Open it in Excel or LibreOffice, save it as "
                   "\"Excel Workbook (.xlsx)\" and import that file."),
    "import.suffix": ("{file} bukan berkas yang bisa diimpor. Pakai Excel (.xlsx) atau teks dengan "
                      "pemisah (.csv, .txt).", "{file} cannot be imported. Use Excel (.xlsx) or delimited "
                      "text (.csv, .txt)."),
    "import.unreadable": ("Berkas {file} tidak bisa dibaca ({reason}). Mungkin rusak atau masih terbuka "
                          "dan terkunci; simpan ulang lalu coba lagi.",
                          "{file} cannot be read ({reason}). It may be damaged or still open and locked; "
                          "save it again and retry."),
    "import.empty": ("Berkas {file} tidak berisi data.", "{file} contains no data."),
    "import.no_sheet": ("Lembar \"{sheet}\" tidak ada. Lembar yang ada: {sheets}.",
                        "There is no sheet \"{sheet}\". Sheets: {sheets}."),
    "import.no_header": ("Baris judul kolom (misalnya NIK, NAMA) tidak ditemukan di lembar {sheet} berkas {file}.",
                         "No header row (such as NIK, NAMA) was found on sheet {sheet} of {file}."),
    "import.no_name_column": ("Tidak ada kolom nama. Kolom yang ada: {headers}. Tandai kolom mana yang "
                              "berisi nama.", "There is no name column. Columns: {headers}. Mark which "
                              "column holds the names."),
    "import.name_missing": ("Nama kosong.", "The name is empty."),
    "import.sex_missing": ("Jenis kelamin kosong dan tidak ada NIK untuk membacanya.",
                           "Sex is empty and there is no NIK to read it from."),
    "import.nik_number": ("NIK tersimpan sebagai angka ({value}); Excel hanya menyimpan 15 digit, jadi "
                          "digit terakhir mungkin sudah berubah. Ketik ulang NIK sebagai teks (awali dengan ').",
                          "The NIK is stored as a number ({value}); Excel keeps only 15 digits, so the last "
                          "digit may have changed. Re-type it as text (start with ')."),
    "import.no_kk_number": ("No. KK tersimpan sebagai angka ({value}); digit terakhir mungkin sudah berubah. "
                            "Ketik ulang sebagai teks.",
                            "The family card number is stored as a number ({value}); its last digit may have "
                            "changed. Re-type it as text."),
    "import.sex": ("Jenis kelamin \"{value}\" tidak dikenal (pakai L/P, LAKI-LAKI/PEREMPUAN atau 1/2).",
                   "Unknown sex \"{value}\" (use L/P, LAKI-LAKI/PEREMPUAN or 1/2)."),
    "import.date": ("Tanggal \"{value}\" tidak bisa dibaca atau tidak mungkin (tulis HH-BB-TTTT).",
                    "Date \"{value}\" cannot be read or is impossible (write DD-MM-YYYY)."),
    "import.rt_rw": ("RT/RW \"{value}\" tidak bisa dibaca (tulis misalnya 003/002).",
                     "RT/RW \"{value}\" cannot be read (write e.g. 003/002)."),
    "import.desil": ("Desil \"{value}\" harus 1 sampai 10.", "Desil \"{value}\" must be 1 to 10."),
    "import.desa_unknown": ("Desa/kelurahan \"{value}\" tidak ada di Kecamatan {kecamatan}.",
                            "Village \"{value}\" is not in Kecamatan {kecamatan}."),
    "import.other_kecamatan": ("Baris ini untuk Kecamatan {value}, bukan Kecamatan {kecamatan}.",
                               "This row belongs to Kecamatan {value}, not {kecamatan}."),
    "import.no_nik": ("Tanpa NIK: dicocokkan dengan nama dan tanggal lahir.",
                      "No NIK: matched by name and birth date."),
    "import.kk_invalid": ("No. KK tidak sah ({reason}); orangnya diimpor tanpa keluarga.",
                          "Invalid family card number ({reason}); the person is imported without a family."),
    "import.code_unknown": ("Isian {what} \"{value}\" tidak dikenal; dibiarkan kosong.",
                            "Unknown {what} \"{value}\"; left empty."),
    "import.ppks_unknown": ("\"{value}\" bukan kategori PPKS (26 kategori Permensos 8/2012); tidak dicatat.",
                            "\"{value}\" is not a PPKS category (the 26 of Permensos 8/2012); not recorded."),
    "import.dup_in_file": ("Orang yang sama sudah ada di baris {first}; baris ini digabung ke sana.",
                           "The same person is already on row {first}; this row was merged into it."),
    "import.conflict_file": ("NIK {nik} dipakai dua nama di berkas ini: {name} dan {other} (baris {other_row}). "
                             "Keduanya tidak diimpor; perbaiki berkas lalu impor lagi.",
                             "NIK {nik} carries two names in this file: {name} and {other} (row {other_row}). "
                             "Neither was imported; fix the file and import again."),
    "import.conflict_registry": ("NIK {nik} di registri atas nama {existing}, di berkas atas nama {name}. "
                                 "Tidak diubah; periksa mana yang benar.",
                                 "NIK {nik} belongs to {existing} in the registry but to {name} in the file. "
                                 "Not changed; check which is right."),
    "import.conflict_taken": ("NIK {nik}: nama di registri {existing} diganti menjadi {name} sesuai pilihan "
                              "\"pakai data berkas\".",
                              "NIK {nik}: the registry name {existing} was replaced by {name}, as chosen."),
    "import.undo_done": ("Impor #{id} sudah dibatalkan pada {at}.", "Import #{id} was already undone on {at}."),
    "import.undo_identifier": ("Impor #{id} tidak bisa dibatalkan seluruhnya: ia mengganti NIK/No. KK ({table} "
                               "#{record}), dan jejak audit hanya menyimpannya tersamar. Perbaiki data itu dengan "
                               "tangan.", "Import #{id} cannot be undone whole: it replaced a NIK/family card "
                               "no. ({table} #{record}), which the audit trail keeps masked only. Correct that "
                               "record by hand."),
    "import.undo_blocked": ("Impor #{id} tidak bisa dibatalkan: {count} data darinya sudah diubah atau dipakai "
                            "sesudahnya (misalnya {example}). Membatalkan akan menghapus pekerjaan itu.",
                            "Import #{id} cannot be undone: {count} of its records were changed or used since "
                            "(e.g. {example}). Undoing would lose that work."),
    "cli.import.summary": ("{mode}: {rows} baris dibaca = {inserted} baru + {updated} diperbarui + "
                           "{unchanged} tetap + {rejected} ditolak; {warnings} ditandai, {ignored} baris diabaikan.",
                           "{mode}: {rows} rows read = {inserted} inserted + {updated} updated + {unchanged} "
                           "unchanged + {rejected} rejected; {warnings} flagged, {ignored} rows ignored."),
    "cli.import.dry": ("Uji coba (belum disimpan)", "Dry run (nothing saved)"),
    "cli.import.done": ("Impor #{batch} tersimpan", "Import #{batch} saved"),
    "cli.import.report": ("Laporan baris bermasalah: {path}", "Report of rows needing attention: {path}"),
    "cli.import.mapping": ("Kolom: {mapping}", "Columns: {mapping}"),
    "cli.export.done": ("Tersimpan: {path} ({rows} baris).", "Saved: {path} ({rows} rows)."),
    "cli.undo.done": ("Impor #{id} dibatalkan: {persons} penduduk dan {families} keluarga dihapus, "
                      "{restored} perubahan dikembalikan.",
                      "Import #{id} undone: {persons} persons and {families} families removed, "
                      "{restored} changes restored."),
    "report.sheet": ("Baris bermasalah", "Rows to check"),
    "report.title": ("Laporan impor {file} (lembar {sheet})", "Import report for {file} (sheet {sheet})"),
    "report.subtitle": ("Dibuat {date}; {count} baris perlu diperiksa. Kolom sesudah \"Alasan\" berisi baris "
                        "asli apa adanya.", "Made {date}; {count} rows to check. The columns after "
                        "\"Reason\" hold the original row as it was."),
    "report.row": ("Baris", "Row"),
    "report.status": ("Status", "Status"),
    "report.reason": ("Alasan", "Reason"),
    "report.ditolak": ("Ditolak", "Rejected"),
    "report.konflik": ("Konflik", "Conflict"),
    "report.ditandai": ("Ditandai", "Flagged"),
    # import: values kept for mapping, length limits, reports kept with their batch (import helper)
    "import.ppks_unmapped": ("\"{value}\" belum dikenali sebagai kategori PPKS; disimpan bersama barisnya sampai "
                             "dipetakan sekali (Impor & Ekspor → Petakan kategori PPKS).",
                             "\"{value}\" is not a PPKS category Simpul knows; kept with its row until it is "
                             "mapped once (Import & Export → Map PPKS categories)."),
    "import.too_long": ("{field} lebih dari {limit} karakter ({length}); registri tidak bisa menyimpannya utuh.",
                        "{field} is longer than {limit} characters ({length}); the registry cannot keep it whole."),
    "import.report_not_written": ("Impor tersimpan, tetapi laporan baris bermasalah tidak bisa ditulis ({reason}). "
                                  "Laporan disimpan bersama impornya: tulis ulang dengan "
                                  "\"simpul import-report {batch} LAPORAN.xlsx\".",
                                  "The import is saved, but its report of rows to check could not be written "
                                  "({reason}). The report is kept with the import: write it again with "
                                  "\"simpul import-report {batch} REPORT.xlsx\"."),
    "cli.import_report.written": ("Laporan impor #{batch} ditulis ke {path} ({rows} baris).",
                                  "The report of import #{batch} was written to {path} ({rows} rows)."),
    "cli.import_report.none": ("Impor #{batch} tidak menyimpan laporan: semua barisnya diterima apa adanya, atau "
                               "impor itu dibuat sebelum laporan disimpan bersama impornya.",
                               "Import #{batch} kept no report: all its rows were taken as they stood, or it was "
                               "made before reports were kept with their import."),
    "cli.import.unmapped": ("{count} nilai kategori PPKS belum dikenali ({values}); barisnya menunggu dipetakan "
                            "di Impor & Ekspor.", "{count} PPKS values are not known ({values}); their rows wait "
                            "to be mapped in Import & Export."),
    "history.not_revertible": ("Perubahan ini tidak bisa dikembalikan dari sini.",
                               "This change cannot be taken back here."),
    "history.changed_since": ("Data ini sudah diubah lagi sesudahnya; kembalikan perubahan yang terbaru dulu.",
                              "This record was changed again since; take back the newest change first."),
    "history.gone": ("Data ini sudah dihapus; kembalikan penghapusannya dulu.",
                     "This record was deleted; take back the deletion first."),
    "letter.pattern": ("Pola nomor surat \"{pattern}\" tidak bisa dipakai. Gunakan penanda {tokens}.",
                       "The letter number pattern \"{pattern}\" cannot be used. Use the tokens {tokens}."),
    "letter.cancel_reason": ("Tuliskan alasan pembatalan nomor surat.", "Give the reason for cancelling the number."),
    "referral.holder": ("Rujukan untuk satu orang atau satu keluarga; pilih salah satu.",
                        "A referral is for one person or one family; choose one."),
    "referral.on_behalf": ("Untuk tanda tangan atas nama (a.n.) Camat, isi jabatan dan nama penandatangan.",
                           "To sign on behalf of the Camat (a.n.), fill in the signer's position and name."),
    "institution.name": ("Nama lembaga wajib diisi.", "The institution's name is required."),
    "referral.need": ("Tuliskan layanan yang dibutuhkan.", "Describe the service needed."),
    "referral.template_field": ("Teks surat memakai {{{field}}}, yang tidak dikenal. Yang bisa dipakai: {fields}.",
                                "The letter text uses {{{field}}}, which is unknown. Available: {fields}."),
    "referral.template_braces": ("Teks surat memuat tanda kurung kurawal yang tidak berpasangan.",
                                 "The letter text has an unmatched curly bracket."),
    "referral.transition": ("Rujukan berstatus {current} tidak bisa langsung menjadi {target}.",
                            "A referral in status {current} cannot move to {target}."),
    "verify.authentic": ("ASLI: surat {number} tanggal {date}, ditandatangani {signer}, tercatat di register.",
                         "AUTHENTIC: letter {number} of {date}, signed by {signer}, in the register."),
    "verify.altered": ("TIDAK ASLI: isi kode tidak cocok dengan tanda tangan kantor ini (diubah, atau dari "
                       "kantor lain).", "NOT AUTHENTIC: the code does not match this office's signature "
                       "(altered, or from another office)."),
    "cli.letter.done": ("Surat tersimpan: {path} (nomor {number}).", "Letter saved: {path} (number {number})."),
    "cli.referrals.none": ("Belum ada rujukan.", "No referrals yet."),
    "cli.programmes.none": ("Belum ada program bantuan.", "No aid programmes yet."),
    "cli.events.none": ("Belum ada kegiatan penyaluran.", "No distribution events yet."),
    "cli.pdf.done": ("PDF tersimpan: {path}.", "PDF saved: {path}."),
    "cli.export.event": ("Sebutkan penyalurannya dengan --event ID (lihat: simpul list events).",
                         "Name the event with --event ID (see: simpul list events)."),
    "verify.not_simpul": ("Ini bukan kode surat Simpul.", "This is not a Simpul letter code."),
    "verify.unknown_number": ("TIDAK ASLI: nomor {number} tidak ada di register surat kantor ini.",
                              "NOT AUTHENTIC: number {number} is not in this office's register."),
    "verify.cancelled": ("DIBATALKAN: nomor {number} sudah dibatalkan di register.",
                         "CANCELLED: number {number} was cancelled in the register."),
    # -- letter signing (Ed25519) and verify: desktop.core.services.signing, desktop.commands.signing --
    "verify.foreign_key": ("TIDAK ASLI: bukan dari kantor ini (kunci {key} tidak dikenal di register kantor).",
                           "NOT AUTHENTIC: not from this office (key {key} is unknown to this office's register)."),
    "verify.mismatch": ("TIDAK ASLI: surat {number} di register berbeda pada: {fields} (kode diubah atau dipalsukan).",
                        "NOT AUTHENTIC: letter {number} differs from the register in: {fields} (altered or forged)."),
    "verify.field_date": ("tanggal", "date"),
    "verify.field_signer": ("penanda tangan", "signer"),
    "verify.retired_key": ("TIDAK ASLI: kunci {key} sudah diganti sebelum nomor {number} dikeluarkan.",
                           "NOT AUTHENTIC: key {key} had been replaced before number {number} was issued."),
    "verify.legacy": ("TANDA TANGAN LAMA: surat {number} tanggal {date}, ditandatangani {signer}, tercatat di "
                      "register. Kode ini jenis lama (sebelum tanda tangan Ed25519), lebih lemah; bila ragu, "
                      "cocokkan surat dengan arsip kantor.",
                      "OLD SIGNATURE: letter {number} of {date}, signed by {signer}, is in the register. This "
                      "code is of the old kind (before Ed25519 signatures), weaker; when in doubt, compare the "
                      "letter with the office's file copy."),
    "verify.legacy_unknown": ("TIDAK ASLI: kode jenis lama (tanda tangan lama, lebih lemah) untuk nomor {number}, "
                              "yang tidak ada di register surat kantor ini.",
                              "NOT AUTHENTIC: an old-kind code (old signature, weaker) for number {number}, which "
                              "is not in this office's register."),
    "verify.legacy_after_switch": ("TIDAK ASLI: kode jenis lama untuk nomor {number}, yang dikeluarkan setelah "
                                   "kantor beralih ke tanda tangan baru.",
                                   "NOT AUTHENTIC: an old-kind code for number {number}, issued after the "
                                   "office moved to the new signature."),
    "verify.offline_ok": ("TANDA TANGAN SAH: surat {number} tanggal {date}, ditandatangani {signer}, dengan kunci "
                          "kantor {key}. Tanpa register kantor, nomor, pembatalan dan NIK tidak dapat diperiksa; "
                          "tanyakan ke kantor kecamatan bila perlu.",
                          "VALID SIGNATURE: letter {number} of {date}, signed by {signer}, with office key {key}. "
                          "Without the office's register the number, cancellation and NIK cannot be checked; "
                          "ask the kecamatan office when it matters."),
    "verify.offline_other_key": ("TIDAK ASLI atau kunci lain: kode ini ditandatangani dengan kunci {key}, yang "
                                 "tidak ada di berkas kunci ini.",
                                 "NOT AUTHENTIC or another key: this code was signed with key {key}, which is "
                                 "not in this key file."),
    "verify.offline_legacy": ("Kode jenis lama (tanda tangan lama): hanya dapat diperiksa dengan register kantor "
                              "yang mengeluarkannya.",
                              "An old-kind code (old signature): only the issuing office's register can check it."),
    "verify.key_file": ("Berkas itu tidak memuat kunci publik Simpul (PEM).",
                        "That file holds no Simpul public key (PEM)."),
    "signing.key_missing": ("Kunci tanda tangan surat kantor (kunci {key}) tidak ada di komputer ini ({where}). "
                            "Tandatangani di komputer yang menyimpannya, atau buat pasangan kunci baru: "
                            "simpul signing-key new (Camat/Kasi). Surat lama tetap dapat diperiksa.",
                            "The office's letter-signing key ({key}) is not on this computer ({where}). Sign on "
                            "the computer that holds it, or make a new key pair: simpul signing-key new "
                            "(Camat/Kasi). Older letters still verify."),
    "signing.key_damaged": ("Kunci tanda tangan {key} di penyimpanan kunci rusak atau bukan milik register ini. "
                            "Buat pasangan kunci baru: simpul signing-key new.",
                            "Signing key {key} in the key store is damaged or not this register's. Make a new "
                            "key pair: simpul signing-key new."),
    "signing.passphrase_needed": ("Kunci tanda tangan {key} dilindungi frasa sandi penanda tangan; masukkan frasa "
                                  "sandinya (baris perintah: SIMPUL_SIGNING_PASSPHRASE_FILE).",
                                  "Signing key {key} is protected by the signer's passphrase; enter it (command "
                                  "line: SIMPUL_SIGNING_PASSPHRASE_FILE)."),
    "signing.passphrase_wrong": ("Frasa sandi kunci tanda tangan {key} salah.",
                                 "Wrong passphrase for signing key {key}."),
    "signing.passphrase_short": ("Frasa sandi kunci tanda tangan minimal {n} karakter.",
                                 "The signing key's passphrase needs at least {n} characters."),
    "signing.passphrase_file": ("Frasa sandi tidak dapat dibaca dari {path}: {reason}.",
                                "Cannot read the passphrase from {path}: {reason}."),
    "signing.no_key": ("Kantor belum punya kunci tanda tangan surat (dibuat saat surat pertama ditandatangani, "
                       "atau: simpul signing-key new).",
                       "The office has no letter-signing key yet (made when the first letter is signed, or: "
                       "simpul signing-key new)."),
    "cli.signing.new": ("Kunci tanda tangan baru: {key} (disimpan di {where}{locked}). Kunci lama yang diganti: "
                        "{retired}. Bagikan kunci publiknya: simpul export-key KANTOR.pub",
                        "New signing key: {key} (kept in {where}{locked}). Keys retired: {retired}. Share its "
                        "public key: simpul export-key OFFICE.pub"),
    "cli.signing.locked": (", dilindungi frasa sandi", ", protected by a passphrase"),
    "cli.signing.current": ("berlaku", "current"),
    "cli.signing.retired": ("diganti {date}", "retired {date}"),
    "cli.signing.here": ("ada di komputer ini", "on this computer"),
    "cli.signing.here_locked": ("ada di komputer ini, berfrasa sandi", "on this computer, passphrase-protected"),
    "cli.signing.not_here": ("tidak ada di komputer ini", "not on this computer"),
    "cli.signing.row": ("{key}  dibuat {created}  {state:<19} {here}", "{key}  made {created}  {state:<19} {here}"),
    "cli.signing.exported": ("Kunci publik kantor ditulis: {path} ({keys}).", "Office public key written: {path} ({keys})."),
    "aid.programme_name": ("Nama program wajib diisi.", "The programme's name is required."),
    "aid.programme_item": ("Isi jenis bantuan (misalnya Uang tunai atau Beras 10 kg).",
                           "Fill in the kind of aid (for example Uang tunai or Beras 10 kg)."),
    "aid.programme_amount": ("Besar bantuan per penerima harus lebih dari nol.",
                             "The amount per recipient must be more than zero."),
    "aid.programme_period": ("Isi tahap atau periode bantuan.", "Fill in the stage or period of the aid."),
    "aid.programme_dates": ("Akhir periode tidak boleh sebelum awal periode.",
                            "The period cannot end before it starts."),
    "aid.programme_choice": ("Pilihan \"{value}\" tidak dikenal.", "The choice \"{value}\" is unknown."),
    "aid.target_locked": ("Sasaran program (orang/keluarga) tidak bisa diubah karena daftar penerima sudah terisi.",
                          "The programme's target (person/family) cannot change: its list already has recipients."),
    "aid.list_final": ("Daftar penerima {name} sudah final. Buka kembali daftar itu dulu untuk mengubahnya.",
                       "The recipient list of {name} is final. Reopen the list first to change it."),
    "aid.list_not_final": ("Daftar penerima {name} belum final. Periksa dan finalkan daftar itu dulu.",
                           "The recipient list of {name} is not final yet. Check and finalise it first."),
    "aid.added": ("{added} penerima ditambahkan; {already} sudah ada di daftar; {without_family} tanpa keluarga "
                  "di registri dilewati.", "{added} recipients added; {already} were already on the list; "
                  "{without_family} without a family in the registry were skipped."),
    "aid.needs_family": ("{name} belum tercatat dalam keluarga mana pun; program ini untuk keluarga.",
                         "{name} belongs to no family in the registry; this programme is for families."),
    "aid.keep_reason": ("Tuliskan alasan penerima ini tetap dimasukkan.",
                        "Give the reason for keeping this recipient on the list."),
    "aid.open_checks": ("Masih ada {count} temuan pemeriksaan yang belum diputuskan. Putuskan tetap atau keluarkan "
                        "untuk setiap temuan.", "{count} check findings still need a decision. Keep or exclude "
                        "for each finding."),
    "aid.empty_list": ("Daftar penerima masih kosong.", "The recipient list is empty."),
    "aid.event_name": ("Nama kegiatan penyaluran wajib diisi.", "The distribution's name is required."),
    "aid.event_place": ("Tempat penyaluran wajib diisi.", "The place of the distribution is required."),
    "aid.event_date": ("Tanggal penyaluran wajib diisi.", "The date of the distribution is required."),
    "aid.event_programme_locked": ("Program kegiatan ini tidak bisa diganti karena penerimanya sudah dijadwalkan.",
                                   "This event's programme cannot change: recipients are already scheduled."),
    "aid.event_closed": ("Kegiatan \"{name}\" sudah ditutup. Buka kembali dengan alasan bila perlu mencatat lagi.",
                         "The event \"{name}\" is closed. Reopen it with a reason to record more."),
    "aid.coupon_other_event": ("Kupon {code} untuk penyaluran lain: {event} tanggal {date}.",
                               "Coupon {code} belongs to another distribution: {event} on {date}."),
    "aid.coupon_unknown": ("Kupon {code} tidak dikenal. Periksa kuponnya, atau cari dengan NIK atau nama.",
                           "Coupon {code} is unknown. Check the coupon, or search by NIK or name."),
    "aid.not_due": ("NIK/No. KK {nik} tidak terdaftar sebagai penerima pada penyaluran ini.",
                    "NIK/No. KK {nik} is not a recipient at this distribution."),
    "aid.already_collected": ("{name} SUDAH MENGAMBIL bantuan pada {when} (diterima oleh {who}, dicatat {by}). "
                              "Bantuan tidak boleh diberikan dua kali.",
                              "{name} HAS ALREADY COLLECTED on {when} (received by {who}, recorded by {by}). "
                              "Aid cannot be given twice."),
    "aid.collected_elsewhere": ("{name} sudah mengambil bantuan program ini pada penyaluran {event} ({when}).",
                                "{name} already collected this programme's aid at {event} ({when})."),
    "aid.proxy_incomplete": ("Untuk pengambilan yang diwakilkan, isi nama wakil dan hubungannya dengan penerima.",
                             "For collection by a proxy, fill in the proxy's name and relationship."),
    "aid.absent_after_collect": ("{name} sudah mengambil bantuan; batalkan pengambilan itu dulu bila keliru.",
                                 "{name} has collected; reverse that collection first if it was a mistake."),
    "aid.absent_reason": ("Tuliskan alasan tidak hadir (misalnya sakit, di luar kota).",
                          "Give the reason for the absence (for example ill, out of town)."),
    "aid.nothing_to_reverse": ("{name} belum dicatat mengambil atau tidak hadir; tidak ada yang dibatalkan.",
                               "{name} is not recorded as collected or absent; nothing to reverse."),
    "aid.reason": ("Tuliskan alasannya; alasan itu disimpan di riwayat.", "Give the reason; it is kept in the history."),
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
    # encryption at rest (issue 15 item 7: desktop.core.db.cipher, desktop.core.services.encryption,
    # desktop.commands.crypto, `init`)
    "cipher.no_key": ("Berkas {path} terenkripsi dengan kunci yang tidak dikenal komputer ini (atau berkasnya "
                      "rusak). Berikan kunci pemulihan yang dicetak saat basis data dibuat: simpul --db \"{path}\" "
                      "unlock --recovery-key-file BERKAS (atau tanpa --recovery-key-file untuk mengetiknya).",
                      "{path} is encrypted with a key this computer does not know (or the file is damaged). "
                      "Give the recovery key printed when the database was made: simpul --db \"{path}\" unlock "
                      "--recovery-key-file FILE (or leave out --recovery-key-file to type it)."),
    "cipher.recovery_typo": ("Kunci pemulihan salah ketik: harus 14 kelompok 4 huruf/angka dan tanda periksanya "
                             "tidak cocok. Periksa lagi tiap kelompok; tidak ada yang diubah.",
                             "The recovery key has a typo: it must be 14 groups of 4 letters/digits and its "
                             "checksum does not match. Check each group again; nothing was changed."),
    "cipher.recovery_wrong": ("Kunci pemulihan ini benar penulisannya tetapi bukan kunci berkas {path} (kunci "
                              "basis data lain?). Tidak ada yang diubah.",
                              "This recovery key is well-formed but is not the key of {path} (another "
                              "database's key?). Nothing was changed."),
    "cipher.unlocked": ("Kunci basis data {path} tersimpan di penyimpanan kunci komputer ini ({store}); berkas "
                        "ini dan cadangannya kini terbuka tanpa ditanya.",
                        "The key of {path} is now kept in this computer's key store ({store}); the file and its "
                        "backups open without asking."),
    "cipher.recovery_prompt": ("Kunci pemulihan (14 kelompok, misalnya ABCD-EFGH-…): ",
                               "Recovery key (14 groups, e.g. ABCD-EFGH-…): "),
    "cipher.recovery_file_needed": ("Kunci pemulihan tidak bisa ditanyakan di sini; berikan --recovery-key-file "
                                    "BERKAS.", "The recovery key cannot be asked for here; give "
                                    "--recovery-key-file FILE."),
    "cipher.recovery_key": ("KUNCI PEMULIHAN basis data ini (ditampilkan sekali):\n\n    {key}\n\nTulis atau "
                            "cetak, lalu simpan di lemari terkunci, terpisah dari komputer. Tanpa kunci ini, "
                            "basis data dan cadangannya tidak bisa dibuka di komputer lain atau setelah Windows "
                            "dipasang ulang.",
                            "RECOVERY KEY of this database (shown once):\n\n    {key}\n\nWrite it down or "
                            "print it, and keep it locked away, apart from the computer. Without it the database "
                            "and its backups cannot be opened on another computer or after Windows is reinstalled."),
    "cipher.encrypted": ("Basis data {path} kini terenkripsi (SQLCipher 4). Isinya sama: {tables} tabel, "
                         "{rows} baris. Cadangan sebelum enkripsi: {backup}.",
                         "{path} is now encrypted (SQLCipher 4), with the same content: {tables} tables, {rows} "
                         "rows. Backup taken before: {backup}."),
    "cipher.backups_encrypted": ("{n} cadangan di {folder} ikut dienkripsi dengan kunci yang sama; tidak ada "
                                 "salinan tak terenkripsi yang tersisa di sana.",
                                 "{n} backups in {folder} were encrypted with the same key; no unencrypted copy "
                                 "is left there."),
    "cipher.backups_left": ("Cadangan ini tidak bisa dienkripsi dan masih tak terenkripsi: {files}. Periksa "
                            "lalu hapus sendiri bila tidak diperlukan.",
                            "These backups could not be encrypted and are still unencrypted: {files}. Check them "
                            "and delete them yourself if not needed."),
    "cipher.old_sectors": ("Catatan: bagian disk yang dulu memuat berkas lama bisa masih menyimpan datanya "
                           "sampai tertimpa; untuk perlindungan penuh aktifkan BitLocker pada disk ini.",
                           "Note: the disk sectors that held the old file may keep its data until overwritten; "
                           "for full protection turn on BitLocker for this drive."),
    "cipher.not_encrypted": ("Basis data {path} tidak terenkripsi, jadi tidak punya kunci pemulihan. Jalankan "
                             "simpul encrypt.", "{path} is not encrypted, so it has no recovery key. Run "
                             "simpul encrypt."),
    "cipher.already": ("Basis data {path} sudah terenkripsi; tidak ada yang diubah.",
                       "{path} is already encrypted; nothing was changed."),
    "cipher.sqlite_only": ("Enkripsi berkas hanya untuk basis data SQLite. PostgreSQL: pakai koneksi TLS "
                           "(?sslmode=require di alamatnya) dan enkripsi disk di server.",
                           "File encryption is for SQLite databases only. PostgreSQL: use TLS connections "
                           "(?sslmode=require in the URL) and disk encryption on the server."),
    "cipher.failed": ("Enkripsi basis data {path} gagal: {reason}. Berkas lama tidak diubah; cadangannya: "
                      "{backup}.", "Encrypting {path} failed: {reason}. The old file is unchanged; its "
                      "backup: {backup}."),
    "cipher.changed": ("basis data diubah program lain selama enkripsi; tutup jendela Simpul lain lalu ulangi",
                       "the database was changed by another program meanwhile; close other Simpul windows and "
                       "try again"),
    "cipher.counts_differ": ("jumlah baris salinan terenkripsi berbeda ({table})",
                             "the encrypted copy's row counts differ ({table})"),
    "db.tls": ("Koneksi TLS ke basis data {url} gagal: {reason}. Alamat meminta TLS (sslmode); periksa sertifikat "
               "server atau tanya pengelola server kabupaten.",
               "The TLS connection to {url} failed: {reason}. The URL asks for TLS (sslmode); check the "
               "server's certificate or ask the regency's server administrator."),
    # backups, damage and salvage (desktop.core.services.backup/check/salvage, desktop.commands.backup)
    "backup.summary": ("{date}: {family} keluarga, {person} penduduk, {ppks_record} catatan PPKS, {psks_entry} PSKS",
                       "{date}: {family} families, {person} persons, {ppks_record} PPKS records, {psks_entry} PSKS"),
    "backup.summary_unknown": ("{date} (isinya belum diketahui: tanpa manifes)",
                               "{date} (contents unknown: no manifest)"),
    "backup.kind.manual": ("manual", "manual"),
    "backup.kind.auto": ("otomatis", "automatic"),
    "backup.kind.safety": ("salinan sebelum pulih", "copy before a restore"),
    "backup.kind.upgrade": ("sebelum pembaruan", "before an upgrade"),
    "backup.kind.other": ("lainnya", "other"),
    "backup.passphrase_needed": ("Cadangan ke {folder} keluar dari komputer ini, jadi harus dienkripsi: berikan "
                                 "kata sandi kantor (--passphrase-file BERKAS).",
                                 "A backup to {folder} leaves this computer, so it must be encrypted: give the "
                                 "office passphrase (--passphrase-file FILE)."),
    "backup.passphrase_needed_restore": ("Cadangan {path} terenkripsi: berikan kata sandi kantor "
                                         "(--passphrase-file BERKAS).", "Backup {path} is encrypted: give the "
                                         "office passphrase (--passphrase-file FILE)."),
    "backup.passphrase_file_needed": ("Kata sandi tidak bisa ditanyakan di sini; berikan --passphrase-file BERKAS.",
                                      "The passphrase cannot be asked for here; give --passphrase-file FILE."),
    "backup.passphrase_short": ("Kata sandi kantor minimal {n} karakter.",
                                "The office passphrase needs at least {n} characters."),
    "backup.passphrase_mismatch": ("Kedua kata sandi tidak sama; tidak ada cadangan yang dibuat.",
                                   "The two passphrases differ; no backup was made."),
    "backup.wrong_passphrase": ("Kata sandi salah, atau berkas {path} sudah berubah/rusak. Tidak ada yang diubah.",
                                "Wrong passphrase, or {path} was altered or damaged. Nothing was changed."),
    "backup.not_encrypted": ("{path} bukan cadangan terenkripsi Simpul.", "{path} is not an encrypted Simpul backup."),
    "backup.no_folder": ("Folder {folder} tidak ada. Pasang flashdisk-nya atau periksa ejaannya.",
                         "Folder {folder} does not exist. Plug in the drive or check the spelling."),
    "backup.no_database": ("Belum ada basis data di {path}; tidak ada yang dicadangkan.",
                           "There is no database at {path}; nothing to back up."),
    "backup.no_space": ("Ruang disk di {folder} tidak cukup untuk cadangan (perlu sekitar {size} MB).",
                        "Not enough disk space in {folder} for the backup (about {size} MB needed)."),
    "backup.source_damaged": ("Basis data {path} rusak ({problems}); cadangannya tidak disimpan agar tidak "
                              "menggantikan cadangan yang baik. Jalankan simpul check.",
                              "Database {path} is damaged ({problems}); the copy was not kept, so that it cannot "
                              "replace a good backup. Run simpul check."),
    "backup.verify_failed": ("Cadangan {path} tidak terbaca kembali dengan benar; berkas itu dibuang. Coba lagi "
                             "atau pakai flashdisk lain.", "Backup {path} did not read back correctly and was "
                             "removed. Try again or use another drive."),
    "backup.changed": ("Cadangan {path} tidak sama lagi dengan saat dibuat (SHA-256 atau jumlah baris berbeda). "
                       "Pilih cadangan lain; tidak ada yang diubah.", "Backup {path} is no longer what was written "
                       "(SHA-256 or row counts differ). Choose another backup; nothing was changed."),
    "backup.damaged": ("Cadangan {path} rusak ({problems}). Pilih cadangan lain; tidak ada yang diubah.",
                       "Backup {path} is damaged ({problems}). Choose another backup; nothing was changed."),
    "backup.not_simpul": ("{path} bukan basis data Simpul.", "{path} is not a Simpul database."),
    "backup.pg_tools_missing": ("Program {tool} (PostgreSQL) tidak terpasang, jadi Simpul tidak bisa mencadangkan "
                                "atau memulihkan basis data server. Pasang PostgreSQL client tools, atau minta "
                                "pengelola server memakai cadangan server.",
                                "{tool} (PostgreSQL) is not installed, so Simpul cannot back up or restore the "
                                "server database. Install the PostgreSQL client tools, or ask the server's "
                                "administrator to use the server's backups."),
    "backup.pg_failed": ("{tool} gagal setelah {seconds} detik: {reason}.",
                         "{tool} failed after {seconds} s: {reason}."),
    "damage.header": ("kepala berkas", "the file header"),
    "damage.not_sqlite": ("bukan berkas SQLite", "not an SQLite file"),
    "damage.page_size": ("ukuran halaman {size} tidak sah", "invalid page size {size}"),
    "damage.truncated": ("ukuran berkas {size} bukan kelipatan halaman {page} byte (terpotong)",
                         "file size {size} is not a multiple of the {page}-byte page (truncated)"),
    "damage.unreadable": ("Berkas {path} bukan basis data Simpul atau kepalanya rusak ({reason}). {advice}",
                          "{path} is not a Simpul database or its header is damaged ({reason}). {advice}"),
    "damage.schema": ("daftar tabel", "the table list"),
    "damage.table": ("tabel {table}", "table {table}"),
    "damage.index": ("indeks tabel {table} (datanya masih terbaca)", "indexes of table {table} (its rows still read)"),
    "damage.newest_backup": ("Cadangan utuh terbaru: {path} ({summary}). Pulihkan dengan: simpul restore \"{path}\" "
                             "— atau selamatkan yang masih terbaca: simpul salvage BARU.db.",
                             "Newest intact backup: {path} ({summary}). Restore it with: simpul restore \"{path}\" "
                             "— or save what is still readable: simpul salvage NEW.db."),
    "damage.no_backup": ("Tidak ada cadangan utuh di {folder}. Selamatkan yang masih terbaca: simpul salvage BARU.db.",
                         "There is no intact backup in {folder}. Save what is still readable: simpul salvage NEW.db."),
    "damage.read_only": ("Basis data {path} rusak dan hanya dibuka untuk dibaca: tidak ada yang disimpan. Pulihkan "
                         "cadangan atau selamatkan datanya (Pengaturan → Cadangan, atau simpul check).",
                         "Database {path} is damaged and open read-only: nothing is saved. Restore a backup or "
                         "salvage its data (Settings → Backups, or simpul check)."),
    "damage.banner": ("PERINGATAN: basis data {path} rusak ({problems}); hanya bisa dibaca.",
                      "WARNING: database {path} is damaged ({problems}); read-only."),
    "check.damaged": ("Basis data RUSAK, di {where}. SQLite: {sample}. {advice}",
                      "The database is DAMAGED, in {where}. SQLite: {sample}. {advice}"),
    "salvage.progress": ("Menyelamatkan data…", "Salvaging data…"),
    "salvage.unreadable": ("{path} tidak bisa dibaca sama sekali ({reason}); pulihkan dari cadangan.",
                           "{path} cannot be read at all ({reason}); restore a backup."),
    "salvage.sqlite_only": ("Penyelamatan hanya untuk berkas SQLite.", "Salvage works on SQLite files only."),
    "salvage.lost": ("Tabel {table}: {rows} baris diselamatkan; tidak terbaca: nomor baris {ranges}.",
                     "Table {table}: {rows} rows saved; unreadable: row ids {ranges}."),
    "salvage.rejected": ("Tabel {table}: {count} baris rusak isinya dan tidak disimpan.",
                         "Table {table}: {count} garbled rows were not kept."),
    "salvage.index_failed": ("Indeks {index} tidak bisa dibuat ulang (data ganda).",
                             "Index {index} could not be rebuilt (duplicate data)."),
    "salvage.orphans": ("{count} baris menunjuk ke data yang hilang.", "{count} rows point to lost records."),
    "salvage.total": ("{rows} baris dari {tables} tabel disimpan di {path}.",
                      "{rows} rows from {tables} tables saved in {path}."),
    "cli.salvage.next": ("Periksa berkas itu (simpul --db \"{path}\" check), lalu pakai: simpul restore \"{path}\".",
                         "Check that file (simpul --db \"{path}\" check), then use it: simpul restore \"{path}\"."),
    "cli.backup.done": ("Cadangan dibuat dan diperiksa: {path} ({size}; {summary}).",
                        "Backup made and verified: {path} ({size}; {summary})."),
    "cli.backup.passphrase": ("Kata sandi kantor: ", "Office passphrase: "),
    "cli.backup.passphrase_again": ("Ulangi kata sandi: ", "Passphrase again: "),
    "cli.backups.none": ("Belum ada cadangan di {folder}.", "There are no backups in {folder} yet."),
    "cli.backups.verified": ("diperiksa", "verified"),
    "cli.backups.unverified": ("BELUM diperiksa", "NOT verified"),
    "cli.backups.encrypted": ("terenkripsi", "encrypted"),
    "cli.restore.about": ("Cadangan {path}\n  {summary}\n  ({verified})", "Backup {path}\n  {summary}\n  ({verified})"),
    "cli.restore.ask": ("Ganti basis data sekarang dengan cadangan ini? Berkas sekarang disimpan dulu. [y/N] ",
                        "Replace the database with this backup now? The current file is kept first. [y/N] "),
    "cli.restore.confirm_needed": ("Pemulihan mengganti seluruh basis data; tambahkan --yes untuk memastikan.",
                                   "A restore replaces the whole database; add --yes to confirm."),
    "cli.restore.kept": ("Dibatalkan; basis data tidak diubah.", "Cancelled; the database is unchanged."),
    "cli.restore.done": ("Dipulihkan dari cadangan {summary}. Sekarang: {families} keluarga, {persons} penduduk. "
                         "Berkas sebelumnya disimpan di {safety}.", "Restored from the backup of {summary}. Now: "
                         "{families} families, {persons} persons. The previous file is kept at {safety}."),
    # complaints, verivali rounds, proposals, musdes (issue 16: desktop.core.services.complaints/verivali*/
    # proposals/musdes, desktop.commands.verivali)
    "complaint.complainant": ("Isi nama pengadu.", "Enter the complainant's name."),
    "complaint.summary": ("Tuliskan isi pengaduan.", "Describe the complaint."),
    "complaint.locked": ("Pengaduan {number} sudah {status}; pengaduan yang ditutup tidak bisa diubah.",
                         "Complaint {number} is {status}; a closed complaint cannot be changed."),
    "complaint.transition": ("Pengaduan berstatus {current} tidak bisa langsung menjadi {target}.",
                             "A complaint in status {current} cannot go straight to {target}."),
    "complaint.answer": ("Tuliskan jawaban atau alasan penutupan pengaduan.",
                         "Write the answer or the reason for closing the complaint."),
    "complaint.note": ("Catatan tidak boleh kosong.", "The note may not be empty."),
    "complaint.no_holder": ("Pengaduan ini belum dikaitkan dengan penduduk atau keluarga; kaitkan dulu sebelum merujuk.",
                            "This complaint is not linked to a person or family; link it before referring."),
    "verivali.name": ("Beri nama putaran, misalnya \"Mei 2026\".", "Name the round, e.g. \"Mei 2026\"."),
    "verivali.closed": ("Putaran {name} sudah ditutup; hasilnya tidak bisa diubah lagi (batalkan penutupan dulu).",
                        "Round {name} is closed; its results cannot change (undo the close first)."),
    "verivali.code": ("Kode hasil \"{code}\" tidak dikenal; pakai 1-8 atau nama hasilnya.",
                      "Unknown result code \"{code}\"; use 1-8 or the result's name."),
    "verivali.fix_missing": ("Untuk perbaikan NIK/KK, isi NIK atau No. KK yang benar.",
                             "For a NIK/KK fix, enter the right NIK or family card number."),
    "verivali.not_listed": ("NIK/No. KK {number} tidak ada dalam daftar putaran ini.",
                            "NIK/KK {number} is not on this round's list."),
    "verivali.not_member": ("{name} bukan anggota keluarga pada baris ini.", "{name} is not a member of this family."),
    "verivali.empty": ("Putaran {name} belum berisi daftar keluarga.", "Round {name} has no families listed yet."),
    "verivali.unchecked": ("{count} baris belum diberi hasil; isi dulu, atau tutup dengan pilihan \"tutup walau belum "
                           "lengkap\" (--force).", "{count} lines have no result yet; fill them in, or close anyway "
                           "(--force)."),
    "verivali.not_closed": ("Putaran {name} belum ditutup.", "Round {name} is not closed."),
    "proposal.name": ("Isi nama yang diusulkan.", "Enter the proposed person's name."),
    "proposal.criteria_unknown": ("Kriteria tidak dikenal: {codes}.", "Unknown criteria: {codes}."),
    "proposal.locked": ("Usulan berstatus {status} tidak bisa diubah.", "A proposal in status {status} cannot be edited."),
    "proposal.transition": ("Usulan berstatus {current} tidak bisa langsung menjadi {target}.",
                            "A proposal in status {current} cannot go straight to {target}."),
    "proposal.note": ("Tuliskan alasannya (dikembalikan atau ditolak).", "Write the reason (returned or refused)."),
    "proposal.incomplete": ("Usulan belum lengkap: {fields}.", "The proposal is incomplete: {fields}."),
    "proposal.photos_full": ("Paling banyak {limit} foto per usulan.", "At most {limit} photos per proposal."),
    "musdes.kop": ("Kop berita acara: desa atau kecamatan.", "The BA letterhead: desa or kecamatan."),
    "cli.verivali.created": ("Putaran {id} dibuat: {desa}, {name}.", "Round {id} created: {desa}, {name}."),
    "cli.verivali.intake": ("Berkas {file}: {rows} baris = {listed} masuk daftar ({families} keluarga) + {other} desa "
                            "lain + {refused} tidak diambil.", "File {file}: {rows} rows = {listed} listed ({families} "
                            "families) + {other} of another desa + {refused} not taken."),
    "cli.verivali.other_desa": ("  baris {row}: {name} – Desa {desa}", "  row {row}: {name} – desa {desa}"),
    "cli.verivali.registry": ("{count} keluarga dari registri masuk daftar.", "{count} families from the registry listed."),
    "cli.verivali.result": ("{name}: {result}.", "{name}: {result}."),
    "cli.verivali.closed": ("Putaran {id} ditutup: {changed} perubahan masuk registri (batch {batch}; bisa dibatalkan "
                            "dengan simpul verivali undo {id}).", "Round {id} closed: {changed} changes written to the "
                            "registry (batch {batch}; undo with simpul verivali undo {id})."),
    "cli.verivali.undone": ("Penutupan putaran {id} dibatalkan; registri kembali seperti sebelumnya.",
                            "The close of round {id} was undone; the registry is as it was."),
    "cli.verivali.assigned": ("{count} baris untuk {officer}.", "{count} lines for {officer}."),
    "cli.verivali.none": ("Belum ada putaran verivali.", "No verivali rounds yet."),
    "cli.complaint.added": ("Pengaduan {number} dicatat (id {id}).", "Complaint {number} recorded (id {id})."),
    "cli.complaint.moved": ("Pengaduan {number}: {status}.", "Complaint {number}: {status}."),
    "cli.complaint.none": ("Belum ada pengaduan.", "No complaints yet."),
    "cli.complaint.referred": ("Pengaduan {number} selesai; rujukan {id} (draf) dibuat ke {institution}.",
                               "Complaint {number} closed; referral {id} (draft) made to {institution}."),
    "cli.complaint.proposed": ("Pengaduan {number} selesai; usulan {id} (draf) dibuat.",
                               "Complaint {number} closed; proposal {id} (draft) made."),
    "cli.verivali.refused": ("  baris {row}: {name} – tidak diambil: {reason}", "  row {row}: {name} – not taken: {reason}"),
    "cli.verivali.mixed": ("  baris {row}: {name} – berkas menyebut Desa {desa}, KK-nya di desa ini (silang data)",
                           "  row {row}: {name} – the file names desa {desa}, its KK lives here (silang data)"),
    "cli.verivali.report": ("Laporan baris bermasalah: {path}", "Report of the rows with problems: {path}"),
    "cli.verivali.recap": ("Rekap {count} desa ditulis: {path}", "Recap of {count} desa written: {path}"),
    "cli.written": ("Ditulis: {path}", "Written: {path}"),
    # ---- PSKS at work and the monthly report (issue 17) ----
    "activity.title": ("Tuliskan nama kegiatan.", "Give the activity a name."),
    "activity.future": ("Tanggal kegiatan belum terjadi.", "The activity's date is in the future."),
    "activity.count": ("Jumlah orang atau keluarga tidak boleh negatif.", "Counts of persons or families cannot be negative."),
    "activity.worker_unknown": ("Tidak ada PSKS yang cocok dengan '{text}'.", "No PSKS matches '{text}'."),
    "activity.worker_ambiguous": ("{count} PSKS cocok dengan '{text}'; sebutkan ID atau NIK-nya.",
                                  "{count} PSKS match '{text}'; give its ID or NIK."),
    "photo.unreadable": ("Berkas ini bukan foto yang bisa dibaca (JPEG, PNG…).", "This file is not a readable photo (JPEG, PNG…)."),
    "photo.too_large": ("Foto ini tidak dapat diperkecil sampai 1 MB.", "This photo cannot be reduced to 1 MB."),
    "photo.too_many": ("Paling banyak {limit} foto per kegiatan atau kunjungan.", "At most {limit} photos per activity or visit."),
    "visit.holder": ("Pilih satu orang (NIK) atau satu keluarga (No. KK) yang dikunjungi.",
                     "Choose one person (NIK) or one family (No. KK) to visit."),
    "visit.officer": ("Tuliskan petugas yang berkunjung.", "Name the visiting officer."),
    "visit.result": ("Tuliskan hasil kunjungan.", "Describe the result of the visit."),
    "visit.future": ("Tanggal kunjungan belum terjadi.", "The visit's date is in the future."),
    "visit.cancelled": ("Kunjungan ini sudah dibatalkan.", "This visit was cancelled."),
    "visit.not_planned": ("Hanya kunjungan yang masih direncanakan yang bisa diubah.", "Only a planned visit can be changed."),
    "visit.cancel_reason": ("Tuliskan alasan pembatalan.", "Give the reason for cancelling."),
    "visit.referral_not_received": ("Rujukan berstatus '{status}' belum diterima lembaga; tindak lanjut belum bisa dicatat.",
                                    "The referral is '{status}', not yet received; its follow-up cannot be recorded."),
    "month_report.immutable": ("Laporan bulan {month}/{year} yang sudah ditutup tidak dapat diubah; terbitkan revisi.",
                         "The closed report of {month}/{year} cannot be changed; issue a revision."),
    "month_report.month_invalid": ("Bulan {month}/{year} tidak dikenal.", "Unknown month {month}/{year}."),
    "month_report.month_running": ("{month} belum berakhir; bulan ditutup setelah hari terakhirnya.",
                             "{month} has not ended; a month is closed after its last day."),
    "month_report.closed_already": ("{month} sudah ditutup; untuk mengoreksi, terbitkan revisi dengan alasannya.",
                              "{month} is closed already; to correct it, issue a revision with its reason."),
    "month_report.not_closed": ("{month} belum ditutup; tutup bulan dulu.", "{month} is not closed yet; close it first."),
    "month_report.reason": ("Tuliskan alasan revisi (paling sedikit {n} huruf).", "Give the reason for the revision (at least {n} characters)."),
    "month_report.no_revision": ("{month} tidak punya revisi {revision}.", "{month} has no revision {revision}."),
    "month_report.year_future": ("Tahun {year} belum dimulai.", "The year {year} has not begun."),
    "cli.report.month": ("Laporan {month}: {path} ({state}).", "Report {month}: {path} ({state})."),
    "cli.report.closed": ("{month} ditutup: revisi {revision}, SHA-256 {sha}.", "{month} closed: revision {revision}, SHA-256 {sha}."),
    "cli.report.year": ("Laporan tahun {year}: {path}.", "Report for {year}: {path}."),
    "cli.report.tksk": ("Laporan {name} {month}: {path} ({count} kegiatan).", "Report of {name} {month}: {path} ({count} activities)."),
    "cli.activities.none": ("Belum ada kegiatan PSKS.", "No PSKS activities yet."),
    "cli.visits.none": ("Belum ada kunjungan rumah.", "No home visits yet."),
    "activity_import.no_header": ("Baris judul kolom tidak ditemukan; kolom yang perlu: {columns}.",
                                  "No heading row found; the columns needed: {columns}."),
    "activity_import.no_psks": ("Sebutkan PSKS-nya (--psks) atau isi kolom PSKS di tiap baris.",
                                "Name the PSKS (--psks) or fill in the PSKS column on each row."),
    "activity_import.psks_missing": ("kolom PSKS kosong", "the PSKS column is empty"),
    "activity_import.date": ("tanggal '{value}' tidak dapat dibaca atau belum terjadi",
                             "the date '{value}' cannot be read or is in the future"),
    "activity_import.date_missing": ("tanggal kosong", "no date"),
    "activity_import.desa": ("desa '{value}' tidak ada di kecamatan ini", "desa '{value}' is not in this kecamatan"),
    "activity_import.kind_missing": ("jenis kegiatan kosong", "no kind of activity"),
    "activity_import.kind": ("jenis kegiatan '{value}' tidak dikenal (pilih: {kinds})",
                             "unknown kind of activity '{value}' (one of: {kinds})"),
    "activity_import.served_number": ("NIK/No. KK tersimpan sebagai angka sehingga digit terakhirnya hilang; "
                                      "ketik sebagai teks", "the NIK/KK was stored as a number and lost its last "
                                      "digit; type it as text"),
    "activity_import.served_unknown": ("NIK/No. KK tidak ada di registri: {numbers}",
                                       "NIK/KK not in the registry: {numbers}"),
    "activity_import.count": ("jumlah '{value}' bukan bilangan bulat", "the count '{value}' is not a whole number"),
    "activity_import.duplicate": ("kegiatan yang sama (PSKS, tanggal, jenis, nama) sudah tercatat",
                                  "the same activity (PSKS, date, kind, name) is already recorded"),
    "cli.activities.imported": ("{file}: {taken} kegiatan diambil, {refused} baris ditolak.",
                                "{file}: {taken} activities taken, {refused} rows refused."),
    "cli.activities.refused": ("  baris {row}: ditolak – {reason}", "  row {row}: refused – {reason}"),
    "cli.activities.template": ("Templat laporan kegiatan ditulis: {path}", "Activity report template written: {path}"),
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
    if not decimals and isinstance(value, int):
        # Whole numbers (counts, the bulk of every list) need only the grouping mark, and the first
        # screen then opens without loading Babel's locale data; a test holds this equal to Babel.
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if _lang == "id" else grouped
    return _number_format(_lang, decimals)(value)


@functools.cache
def _number_format(lang: str, decimals: int) -> Callable[[float], str]:
    """Babel's pattern and locale parsed once per language, not once per number: a long list
    formats thousands of cells."""
    from babel import Locale
    from babel.numbers import parse_pattern

    pattern = parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    locale = Locale.parse("id_ID" if lang == "id" else "en_US")
    return lambda value: pattern.apply(value, locale)


def has(key: str) -> bool:
    return key in _CATALOG
