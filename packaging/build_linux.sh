#!/usr/bin/env bash
# Build the Linux one-folder bundle and check it: `sar-desk --version` and `sar-desk self-test`
# with no network at all. Usage: packaging/build_linux.sh [PYTHON]   (default: python3)
# Output: packaging/dist/sar-desk-<version>/ and packaging/dist/sar-desk-<version>-linux-x86_64.tar.gz
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${1:-python3}"
version="$("$py" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$root/pyproject.toml")"
name="sar-desk-$version"

"$py" -m pip install -q -e "$root[packaging]"
cd "$root"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$here/dist" --workpath "$here/build" "$here/sar_desk.spec"

bundle="$here/dist/$name"
install -m 644 "$here/linux/sar-desk.desktop" "$bundle/sar-desk.desktop"
install -m 644 "$here/icons/sar-desk.png" "$bundle/sar-desk.png"

"$bundle/sar-desk" --version
# The self-test must pass with no network at all (a fresh network namespace when we can make one).
if unshare -n true 2>/dev/null; then
  unshare -n -- "$bundle/sar-desk" self-test
else
  "$bundle/sar-desk" self-test
fi
tar -C "$here/dist" -czf "$here/dist/$name-linux-x86_64.tar.gz" "$name"
echo "Built $bundle ($(du -sh "$bundle" | cut -f1)); archive $here/dist/$name-linux-x86_64.tar.gz"
