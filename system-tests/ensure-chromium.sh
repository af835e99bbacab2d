#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Debian's ChromeDriver: never a downloaded browser.
# Installs both when missing and allowed (root with apt-get), otherwise stops at once and says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[system-tests] installing chromium and chromium-driver from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && exit 0
fi
echo "[system-tests] Chromium and ChromeDriver are required for the browser tests." >&2
echo "  Install them with: sudo apt-get install -y chromium chromium-driver" >&2
echo "  (the tests never download a browser of their own)" >&2
exit 1
