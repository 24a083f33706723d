#!/usr/bin/env bash
# Installs everything the tests and the demo need on a fresh Debian 12 machine (idempotent):
# Cyclone DDS (the node's DDS) and its idlc, Fast DDS + fastddsgen (the independent interop peer),
# g++/cmake for that peer, colcon + ament_cmake (the ROS 2 package build), libgtk-3-0 (OpenCvSharp's
# official Linux runtime links it), and the npm packages used as independent MCAP/CDR peers.
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PACKAGES=(libddsc0debian cyclonedds-tools cyclonedds-dev libfastrtps-dev libfastcdr-dev fastddsgen g++ cmake iproute2 nodejs npm colcon python3-colcon-cmake python3-colcon-ros python3-colcon-bash python3-colcon-package-selection ament-cmake python3-ament-package python3-ament-index python3-yaml libgtk-3-0)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v node >/dev/null && command -v npm >/dev/null; then
    # Node.js from another source is fine: do not replace it with Debian's.
    tmp=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || tmp+=("$p"); done; missing=("${tmp[@]}")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
( cd test/peers/npm && npm ci --no-audit --no-fund --loglevel=error )
