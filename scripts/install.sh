#!/usr/bin/env bash
# Installs everything Gatehouse needs on a fresh Debian machine with Node.js 20+:
# pnpm 12.4.2, the workspace's dependencies and, with --with-browser, Debian's Chromium for e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

# node-gyp builds better-sqlite3 against the machine's Node headers instead of downloading them.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error(`Gatehouse needs Node.js 20.19 or newer (found ${process.version}).`); process.exit(1); }'

if [ "$(pnpm --version 2>/dev/null)" != "12.4.2" ]; then
  echo "Installing pnpm 12.4.2"
  as_root npm install --global pnpm@12.4.2 >/dev/null
fi

if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages (for the end-to-end tests)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

pnpm install --frozen-lockfile
