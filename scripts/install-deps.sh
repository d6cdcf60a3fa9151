#!/usr/bin/env bash
# install-deps.sh [build] [test] [windows] — installs the Debian/Ubuntu packages Accord needs that this machine lacks.
# build: what the cgo build of Fyne needs. test: also Xvfb and the tools the tests and benchmarks use
# (chromium runs the questionnaire page's script, as a partner's browser would).
# windows: also the mingw-w64 cross compiler for accord.exe.
# Runs apt-get only when something is missing; uses sudo when not root; never asks under CI=true.
set -euo pipefail
need=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev
      libxxf86vm-dev libxkbcommon-dev)
for what in "${@:-build}"; do
  case "$what" in
    test) need+=(xvfb x11-apps xdotool libgl1-mesa-dri poppler-utils qpdf chromium) ;;
    windows) need+=(gcc-mingw-w64-x86-64) ;;
  esac
done
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: not a Debian or Ubuntu system; install a C compiler and the OpenGL/X11 headers yourself (see README)." >&2
  exit 0
fi
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
  missing+=(golang-go)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo, then try again: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
  [ "${CI:-}" = true ] && sudo="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
