#!/usr/bin/env bash
# `npm test`: every check — lint, typecheck, unit tests, then Playwright against a production
# build on a fresh temporary database. Installs Debian's chromium and CJK fonts when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$*"; }

need_browser=0
[ -x /usr/bin/chromium ] || need_browser=1
if command -v fc-list >/dev/null 2>&1; then
  fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need_browser=1
else
  need_browser=1
fi
if [ "$need_browser" = 1 ]; then
  step "installing Debian chromium and fonts-noto-cjk"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; }; then
    echo "npm test: cannot install Debian packages chromium and fonts-noto-cjk (apt-get failed: run as root or install them first)" >&2
    exit 1
  fi
fi

step "lint (eslint)"
npx --no-install eslint .

step "typecheck (tsc)"
npx --no-install tsc --noEmit

step "unit tests (vitest)"
npx --no-install vitest run

step "production build"
node node_modules/tsx/dist/cli.mjs scripts/start.ts --build-only

step "browser tests (playwright, /usr/bin/chromium)"
npx --no-install playwright test

echo
echo "npm test: all checks passed"
