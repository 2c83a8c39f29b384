#!/usr/bin/env bash
# Smoke-test a Simpul installer under Debian's wine (no Windows needed):
#   silent per-user install -> the installed `simpul` runs --version, init, demo, check, upgrade,
#   an export and the import of that export, a referral letter, an aid roster and a BAST as PDF
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
out=$(simpul init --kecamatan 64.02.06); echo "$out"; grep -q "14 desa/kelurahan" <<<"$out" || fail "init"
out=$(simpul demo --families 300); echo "$out"; grep -q "300 keluarga" <<<"$out" || fail "demo"
out=$(simpul check); echo "$out"; grep -q "Pemeriksaan selesai: 0 masalah" <<<"$out" || fail "check"
out=$(simpul upgrade); echo "$out"; grep -q "sudah versi terbaru" <<<"$out" || fail "upgrade"
out=$(simpul export persons 'C:\simpul-penduduk.xlsx'); echo "$out"; grep -q "Tersimpan" <<<"$out" || fail "export"
out=$(simpul export recap 'C:\simpul-rekap.xlsx'); echo "$out"; grep -q "Tersimpan" <<<"$out" || fail "export recap"
out=$(simpul import 'C:\simpul-penduduk.xlsx' --json || true); echo "$out"
grep -q '"inserted": 0, "updated": 0' <<<"$out" && grep -q '"rejected": 0' <<<"$out" || fail "import (round trip)"
# A referral letter from the demo register: the PDF stack (reportlab, fonts, QR) works on Windows.
out=$(simpul list referrals --json); grep -q '"status": "ditandatangani"' <<<"$out" || fail "list referrals"
out=$(simpul print letter 2 'C:\simpul-surat.pdf' --paper a4); echo "$out"; grep -q "Surat tersimpan" <<<"$out" \
    || fail "print letter"
letter="$WINEPREFIX/drive_c/simpul-surat.pdf"
[ "$(head -c 5 "$letter")" = "%PDF-" ] || fail "the letter is not a PDF"
if command -v pdftotext >/dev/null; then
    # Read whole before grep: grep -q stops at the first match, and pipefail would count
    # pdftotext's broken pipe as a failure.
    text=$(pdftotext "$letter" -); grep -q "Kesos" <<<"$text" || fail "the letter has no register number"
fi
# The distribution papers: the demo's first event is the finished BLT-DD distribution.
out=$(simpul list events --json); grep -q '"state": "selesai"' <<<"$out" || fail "list events"
out=$(simpul print roster 1 'C:\simpul-daftar.pdf'); echo "$out"; grep -q "PDF tersimpan" <<<"$out" || fail "print roster"
out=$(simpul print bast 1 'C:\simpul-bast.pdf' --paper a4); echo "$out"; grep -q "PDF tersimpan" <<<"$out" \
    || fail "print bast"
for pdf in simpul-daftar simpul-bast; do
    [ "$(head -c 5 "$WINEPREFIX/drive_c/$pdf.pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
done
if command -v pdftotext >/dev/null; then
    text=$(pdftotext "$WINEPREFIX/drive_c/simpul-daftar.pdf" -); grep -q "Halaman 1 dari" <<<"$text" \
        || fail "the roster has no pages"
    text=$(pdftotext "$WINEPREFIX/drive_c/simpul-bast.pdf" -); grep -q "BERITA ACARA" <<<"$text" || fail "the BAST has no title"
fi
db="$local_appdata/Simpul/simpul.db"
[ -f "$db" ] || fail "the database is not in %LOCALAPPDATA%\\Simpul"

if [ -n "$shot" ]; then
    fonts='Z:\usr\share\fonts\truetype\dejavu'
    out=$(w "set QT_QPA_PLATFORM=offscreen&& set QT_QPA_FONTDIR=$fonts&& bin\\simpul.exe gui --screenshot C:\\simpul-window.png")
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
