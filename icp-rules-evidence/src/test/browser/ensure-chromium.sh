#!/usr/bin/env bash
# Makes sure the HTML report tests have a browser: they render the reports in headless Chromium.
# Run by the build (icp-rules-evidence, before its tests). Uses $ICP_CHROMIUM or /usr/bin/chromium
# when present; otherwise installs Debian's `chromium` package when it can (as root, or with
# password-less sudo), and else fails saying what to install.
set -euo pipefail

if [ -n "${ICP_CHROMIUM:-}" ] && [ -x "$ICP_CHROMIUM" ]; then
  exit 0
fi
if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  as_root=none
  if [ "$(id -u)" -eq 0 ]; then
    as_root=
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
  fi
  if [ "$as_root" != none ]; then
    echo "[icp-rules] Installing Chromium (Debian package 'chromium') for the HTML report tests..."
    export DEBIAN_FRONTEND=noninteractive
    $as_root apt-get update -qq
    $as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null
    if [ -x /usr/bin/chromium ]; then
      exit 0
    fi
  fi
fi

cat >&2 <<'MSG'
[icp-rules] The HTML report tests need Chromium, which is not installed and could not be installed
here (that needs root or password-less sudo, and apt-get). Install it with
  sudo apt-get install -y chromium
or point the ICP_CHROMIUM environment variable at a Chromium or Chrome binary, then run the build again.
MSG
exit 1
