#!/usr/bin/env bash
# The whole test suite, as CI runs it (`npm test`). Every step must pass; the
# last line sums the unit and end-to-end results as "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export DO_NOT_TRACK=1 NUXT_TELEMETRY_DISABLED=1
mkdir -p .cache/reports
rm -f .cache/reports/*.json

step() { printf '\n==> %s\n' "$*"; }

step "Embedded dataset integrity and editorial rules"
npm run --silent content:verify
npm run --silent content:check
step "Studio schema extract + TypeGen"
npm run --silent typegen
step "Typecheck (vue-tsc)"
npm run --silent typecheck
step "Lint"
npm run --silent lint
step "Unit tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=.cache/reports/vitest.json
step "Studio build"
npm run --silent studio:build
step "Site build with prerender"
npm run --silent build
step "End-to-end tests (Playwright, Debian Chromium)"
npx playwright test
step "Summary"
node scripts/test-summary.ts
