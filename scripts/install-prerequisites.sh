#!/usr/bin/env bash
# Installs the build and runtime prerequisites on Debian 12 when they are missing (run as root).
#   scripts/install-prerequisites.sh [--browser]
# --browser adds Debian's chromium for the browser tests (Playwright never downloads one).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"

want=()
command -v javac >/dev/null 2>&1 && javac -version 2>&1 | grep -qE 'javac (1[7-9]|2[0-9])' || want+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || want+=(maven)
command -v curl >/dev/null 2>&1 || want+=(curl)
command -v unzip >/dev/null 2>&1 || want+=(unzip)
command -v python3 >/dev/null 2>&1 || want+=(python3)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then want+=(chromium fonts-dejavu-core); fi

if [ ${#want[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing ${want[*]}: run as root or install them"
  log "installing ${want[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi
