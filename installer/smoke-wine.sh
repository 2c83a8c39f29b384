#!/usr/bin/env bash
# Smoke-test a Simpul installer under Debian's wine (no Windows needed):
#   silent per-user install -> the installed `simpul` runs --version, init (an encrypted registry,
#   its key in the Windows Credential Manager), demo, users (an Admin and a Camat), check, upgrade,
#   an export and the import of that export, a referral letter printed as the Camat and its QR
#   verified offline, an aid roster and a BAST as PDF, and no NIK readable in the registry file
#   (all Qt-free) -> with a canary build (PySide6 6.9.x, see build.sh --canary) also the window,
#   offscreen, saved as a PNG -> silent uninstall, which must keep the user's data.
# Usage: installer/smoke-wine.sh EXE [SCREENSHOT_PNG]
# Needs: apt-get install --no-install-recommends wine wine64
# Wine-only workarounds (not needed on Windows): QT_* variables do not pass from Linux into wine,
# so they are set inside `cmd /c`; Python\_wmi.pyd is removed from the installed copy (wine 8
# aborts in it when SQLAlchemy asks platform.machine()); stdout goes through a pipe, because a file
# redirect gives Python "WinError 6".
set -euo pipefail
exe=$(readlink -f "${1:?usage: installer/smoke-wine.sh EXE [SCREENSHOT_PNG]}")
shot=${2:-}
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || { echo "smoke-wine.sh needs wine64 (apt-get install wine wine64)" >&2; exit 1; }
export WINEPREFIX=${WINEPREFIX:-$(mktemp -d /tmp/simpul-wine.XXXXXX)} WINEDEBUG=-all WINEARCH=win64
unset DISPLAY
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
w() { "$wine" cmd /c "$*" 2>&1 | tr -d '\r'; }

"$wine" wineboot --init >/dev/null 2>&1 || true
"$wine" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
# Wine 8 lacks bcryptprimitives.dll (Windows 10+ has it), which cryptography's Rust module imports:
# a stand-in is built into this throwaway prefix only (installer/wine/bcryptprimitives.c).
sys32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
    command -v x86_64-w64-mingw32-gcc >/dev/null \
        || fail "wine has no bcryptprimitives.dll: apt-get install gcc-mingw-w64-x86-64 to build its stand-in"
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
        "$(dirname "$(readlink -f "$0")")/wine/bcryptprimitives.c" -ladvapi32
fi

start=$(date +%s)
"$wine" "$exe" /S /CurrentUser
echo "silent install: $(( $(date +%s) - start )) s"
local_appdata="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local"
dir="$local_appdata/Programs/Simpul"
[ -x "$dir/bin/simpul.exe" ] || fail "no bin\\simpul.exe under $dir"
[ -f "$WINEPREFIX/drive_c/users/$(whoami)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Simpul.lnk" ] \
    || fail "no Start-menu shortcut"
[ -f "$WINEPREFIX/drive_c/users/$(whoami)/Desktop/Simpul.lnk" ] || fail "no desktop shortcut"
echo "installed size: $(du -sm "$dir" | cut -f1) MB in $dir"
rm -f "$dir/Python/_wmi.pyd"

cd "$dir"
simpul() { w "bin\\simpul.exe $*"; }
out=$(simpul --version); echo "$out"; grep -q "^Simpul " <<<"$out" || fail "--version"
out=$(simpul init --kecamatan 64.02.06); echo "$out" | grep -v -- "-.*-.*-"; grep -q "14 desa/kelurahan" <<<"$out" || fail "init"
grep -qi "kunci pemulihan" <<<"$out" || fail "init showed no recovery key"
db="$local_appdata/Simpul/simpul.db"
[ "$(head -c 15 "$db")" != "SQLite format 3" ] || fail "the new registry is not encrypted"
out=$(simpul demo --families 300); echo "$out"; grep -q "300 keluarga" <<<"$out" || fail "demo"
# From here on the registry has users: every command says who works (as on an office PC).
printf 'kunci-admin-2026\r\n' >"$WINEPREFIX/drive_c/admin.pw"
printf 'kunci-camat-2026\r\n' >"$WINEPREFIX/drive_c/camat.pw"
printf 'kunci-operator-2026\r\n' >"$WINEPREFIX/drive_c/op.pw"
out=$(simpul user add Admin --role admin --password-file 'C:\admin.pw'); echo "$out" | head -3
out=$(w "set SIMPUL_PASSWORD_FILE=C:\admin.pw&& bin\simpul.exe --user Admin user add camat --role camat --password-file C:\camat.pw")
echo "$out"; grep -q "camat" <<<"$out" || fail "user add camat"
out=$(w "set SIMPUL_PASSWORD_FILE=C:\admin.pw&& bin\simpul.exe --user Admin user add op --role operator --password-file C:\op.pw")
echo "$out"; grep -q "op" <<<"$out" || fail "user add op"
as_camat() { w "set SIMPUL_PASSWORD_FILE=C:\camat.pw&& bin\simpul.exe --user camat $*"; }
out=$(simpul check); echo "$out"; grep -q "Pemeriksaan selesai: 0 masalah" <<<"$out" || fail "check"
out=$(simpul upgrade); echo "$out"; grep -q "sudah versi terbaru" <<<"$out" || fail "upgrade"
out=$(as_camat export persons 'C:\simpul-penduduk.xlsx' --purpose uji-pemasangan --full-nik); echo "$out"
grep -q "Tersimpan" <<<"$out" || fail "export"
out=$(as_camat export recap 'C:\simpul-rekap.xlsx'); echo "$out"; grep -q "Tersimpan" <<<"$out" || fail "export recap"
# No NIK of the registry is readable in its file (the export holds them whole; the file must not).
if command -v unzip >/dev/null; then
    nik=$(unzip -p "$WINEPREFIX/drive_c/simpul-penduduk.xlsx" xl/sharedStrings.xml 2>/dev/null \
          | grep -o '64020[0-9]\{11\}' | head -1 || true)
    [ -n "$nik" ] || nik=6402
    ! strings "$db" | grep -q "$nik" || fail "a NIK is readable in the registry file"
fi
out=$(w "set SIMPUL_PASSWORD_FILE=C:\op.pw&& bin\simpul.exe --user op import C:\simpul-penduduk.xlsx --json" || true)
echo "$out"
grep -q '"inserted": 0, "updated": 0' <<<"$out" && grep -q '"rejected": 0' <<<"$out" || fail "import (round trip)"
# A referral letter from the demo register: the PDF stack (reportlab, fonts, QR) works on Windows.
out=$(as_camat list referrals --json); grep -q '"status": "ditandatangani"' <<<"$out" || fail "list referrals"
out=$(as_camat print letter 2 'C:\simpul-surat.pdf' --paper a4); echo "$out"; grep -q "Surat tersimpan" <<<"$out" \
    || fail "print letter"
out=$(as_camat export-key 'C:\simpul-kantor.pub'); echo "$out"
grep -q "BEGIN PUBLIC KEY" "$WINEPREFIX/drive_c/simpul-kantor.pub" || fail "export-key"
letter="$WINEPREFIX/drive_c/simpul-surat.pdf"
[ "$(head -c 5 "$letter")" = "%PDF-" ] || fail "the letter is not a PDF"
if command -v pdftotext >/dev/null; then
    # Read whole before grep: grep -q stops at the first match, and pipefail would count
    # pdftotext's broken pipe as a failure.
    text=$(pdftotext "$letter" -); grep -q "Kesos" <<<"$text" || fail "the letter has no register number"
fi
# The distribution papers: the demo's first event is the finished BLT-DD distribution.
out=$(as_camat list events --json); grep -q '"state": "selesai"' <<<"$out" || fail "list events"
out=$(as_camat print roster 1 'C:\simpul-daftar.pdf'); echo "$out"; grep -q "PDF tersimpan" <<<"$out" || fail "print roster"
out=$(as_camat print bast 1 'C:\simpul-bast.pdf' --paper a4); echo "$out"; grep -q "PDF tersimpan" <<<"$out" \
    || fail "print bast"
for pdf in simpul-daftar simpul-bast; do
    [ "$(head -c 5 "$WINEPREFIX/drive_c/$pdf.pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
done
if command -v pdftotext >/dev/null; then
    text=$(pdftotext "$WINEPREFIX/drive_c/simpul-daftar.pdf" -); grep -q "Halaman 1 dari" <<<"$text" \
        || fail "the roster has no pages"
    text=$(pdftotext "$WINEPREFIX/drive_c/simpul-bast.pdf" -); grep -q "BERITA ACARA" <<<"$text" || fail "the BAST has no title"
fi
[ -f "$db" ] || fail "the database is not in %LOCALAPPDATA%\\Simpul"

if [ -n "$shot" ]; then
    # The office registry now asks for a login: the picture is of the demo (no users, DEMO banner).
    fonts='Z:\usr\share\fonts\truetype\dejavu'
    out=$(w "set QT_QPA_PLATFORM=offscreen&& set QT_QPA_FONTDIR=$fonts&& bin\\simpul.exe --demo gui --screenshot C:\\simpul-window.png")
    echo "$out"
    cp "$WINEPREFIX/drive_c/simpul-window.png" "$shot" 2>/dev/null || fail "the window did not open: $out"
    echo "window screenshot: $shot"
fi

"$wine" "$dir/uninstall.exe" /S
for _ in $(seq 1 30); do [ -e "$dir/bin" ] || break; sleep 1; done
[ ! -e "$dir/bin/simpul.exe" ] || fail "uninstall left the program behind"
[ -f "$db" ] || fail "uninstall removed the user's database"
echo "uninstalled; data kept: $db"
echo "WINE SMOKE PASSED"
