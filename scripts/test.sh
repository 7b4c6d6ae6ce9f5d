#!/usr/bin/env bash
# The whole suite: lint and format, types, server tests, the SPA build, and the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

echo "== lint and format (biome)"
pnpm exec biome check .
echo "== types"
pnpm -r typecheck
echo "== server tests (vitest)"
pnpm --filter @gatehouse/server test
echo "== web build"
pnpm build
echo "== end-to-end (playwright, Chromium)"
pnpm --filter @gatehouse/e2e test
