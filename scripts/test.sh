#!/usr/bin/env bash
# The whole suite: lint and format, types, server tests, the SPA build, and the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
reports="$PWD/test-results"
rm -rf "$reports" && mkdir -p "$reports"

echo "== lint and format (biome)"
pnpm exec biome check .
echo "== types"
pnpm -r typecheck
echo "== layers (the core imports no door, no door imports another)"
pnpm --filter @gatehouse/server layers
echo "== web unit tests (vitest)"
pnpm --filter @gatehouse/web test
echo "== web build (the server tests and journeys load the built SPA)"
pnpm build
echo "== PostgreSQL"
# The machines start PostgreSQL before CI; start it if it stopped (stack notes).
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable at 127.0.0.1:5432 (set TEST_POSTGRES_URL)"; exit 1; }
echo "== Redis (rate-limit store when REDIS_URL is set)"
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
  for _ in $(seq 10); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi
redis-cli -h 127.0.0.1 ping || { echo "Redis is not reachable at 127.0.0.1:6379 (set TEST_REDIS_URL)"; exit 1; }
echo "== server tests on SQLite (vitest)"
TEST_JSON_REPORT="$reports/server-sqlite.json" pnpm --filter @gatehouse/server test
echo "== server tests on PostgreSQL (vitest)"
GATEHOUSE_TEST_DATABASE=postgresql TEST_JSON_REPORT="$reports/server-postgresql.json" pnpm --filter @gatehouse/server test
echo "== end-to-end on SQLite (playwright, Chromium)"
TEST_JSON_REPORT="$reports/e2e-sqlite.json" pnpm --filter @gatehouse/e2e test
echo "== end-to-end on PostgreSQL (playwright, Chromium)"
GATEHOUSE_TEST_DATABASE=postgresql TEST_JSON_REPORT="$reports/e2e-postgresql.json" pnpm --filter @gatehouse/e2e test
echo "== summary"
node scripts/test-summary.mjs "$reports"
