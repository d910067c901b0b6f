#!/usr/bin/env bash
# `npm test`: every check — lint, typecheck, unit tests, then Playwright against a production
# build on a fresh temporary database. Installs Debian's chromium and CJK fonts when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$*"; }

need_browser=0
[ -x /usr/bin/chromium ] || need_browser=1
# (Not `fc-list | grep -q`: with pipefail, grep's early exit makes the pipeline fail.)
fonts="$(fc-list 2>/dev/null || true)"
case "$fonts" in *"Noto Sans CJK"*) ;; *) need_browser=1 ;; esac
if [ "$need_browser" = 1 ]; then
  step "installing Debian chromium and fonts-noto-cjk"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; }; then
    echo "npm test: cannot install Debian packages chromium and fonts-noto-cjk (apt-get failed: run as root or install them first)" >&2
    exit 1
  fi
fi

# The cluster test (e2e-cluster/) runs Debian's nginx in front of two app instances.
if [ ! -x /usr/sbin/nginx ]; then
  step "installing Debian nginx (for the cluster test)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null; }; then
    echo "npm test: cannot install the Debian package nginx (apt-get failed: run as root or install it first)" >&2
    exit 1
  fi
fi

step "lint (eslint)"
npx --no-install eslint .

step "typecheck (tsc)"
npx --no-install tsc --noEmit

step "unit tests (vitest)"
mkdir -p test-reports
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json

step "production build"
node node_modules/tsx/dist/cli.mjs scripts/start.ts --build-only

step "browser tests (playwright, /usr/bin/chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright.json npx --no-install playwright test --reporter=list,json

step "cluster test (sqld primary, two app instances, nginx; playwright.cluster.config.ts)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright-cluster.json npx --no-install playwright test -c playwright.cluster.config.ts --reporter=list,json

step "benchmark smoke run (npm run bench -- --smoke: tiny data, 1-second runs; keeps the script working, asserts no time)"
node node_modules/tsx/dist/cli.mjs scripts/bench.ts --smoke

echo
node scripts/test-summary.mjs test-reports/vitest.json test-reports/playwright.json test-reports/playwright-cluster.json
