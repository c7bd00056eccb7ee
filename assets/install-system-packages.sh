#!/usr/bin/env bash
# Installs the system packages Relplan needs to build, run its window and
# render its test snapshots on Debian or Ubuntu. Safe to run twice.
set -euo pipefail
packages=(pkg-config libxkbcommon-dev libwayland-dev libx11-dev libxcursor-dev libxrandr-dev libxi-dev
  libgl1 libegl1 libvulkan1 mesa-vulkan-drivers fonts-dejavu-core fonts-droid-fallback fonts-urw-base35)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "All system packages are present."
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
