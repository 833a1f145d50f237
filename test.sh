#!/usr/bin/env bash
# Runs every test of the solution, on a fresh machine too.
# The browser tests drive Debian's Chromium; it is installed first when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "== Installing Chromium from Debian's packages (the browser tests need it)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium > /dev/null
fi

echo "== dotnet test WebhookPortal.sln"
# A test that hangs is stopped and reported after 10 minutes instead of holding CI.
dotnet test WebhookPortal.sln --blame-hang-timeout 10m "$@"
