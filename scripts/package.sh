#!/usr/bin/env bash
# Usage: scripts/package.sh FYNE OS [fyne package flags…]
# Runs Fyne's packaging tool on a copy of the source in .build/OS, not in the working tree: the tool writes
# fyne_metadata_init.go and counts its runs in FyneApp.toml while it works, which would change the tree
# under the checks `make test` runs beside it (and leave it dirty). The package lands in the top folder.
set -euo pipefail
cd "$(dirname "$0")/.."
fyne=$1 os=$2
shift 2
copy=.build/$os
rm -rf "$copy"
mkdir -p "$copy"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$copy"
else
	tar --exclude=./.build --exclude=./.tools --exclude=./.git -cf - . | tar -xf - -C "$copy"
fi
(cd "$copy" && "$fyne" package -os "$os" --release "$@")
case $os in
windows) mv -f "$copy/Accord.exe" accord.exe ;;
*) mkdir -p dist && mv -f "$copy/Accord.tar.xz" "dist/accord-$os-amd64.tar.xz" ;;
esac
