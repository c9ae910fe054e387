#!/usr/bin/env bash
# Installs what the local Bluesky server (tests/bluesky-server) needs: Postgres from Debian and this folder's
# npm packages (@atproto/dev-env; better-sqlite3 compiles against the Node in use). Idempotent: a second run
# with the same lockfile and Node does nothing. CI runs it before the integration tests.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "[bluesky-server setup] $*"; }

have_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 ||
    [[ -n ${TWOWAY_PG_BIN:-} && -x ${TWOWAY_PG_BIN}/initdb ]]
}

if have_postgres; then
  log "postgres: present"
else
  if [[ $(id -u) -ne 0 ]]; then
    echo "Postgres is missing and this is not root: install the 'postgresql' package (or set TWOWAY_PG_BIN)." >&2
    exit 1
  fi
  log "postgres: installing the Debian package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if ! command -v node >/dev/null 2>&1; then
  echo "node is not on PATH (the project needs Node 24.18.x: see .ci/run)." >&2
  exit 1
fi
node_version=$(node --version)
case "$node_version" in
  v24.18.*) ;;
  *) log "warning: node $node_version; better-sqlite3 is known to work with 24.18.x (newer 24.x headers abort in GC)" ;;
esac

# Native addons (better-sqlite3) must compile against the headers of the Node that runs them, not ~/.npmrc's.
export npm_config_nodedir
npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"

stamp=node_modules/.twoway-setup-stamp
want="$(sha256sum package-lock.json | cut -d' ' -f1) $node_version $(uname -m)"
if [[ -f $stamp && "$(cat "$stamp")" == "$want" && -d node_modules/@atproto/dev-env ]]; then
  log "npm packages: up to date"
else
  log "npm packages: npm ci (about 1-2 minutes: better-sqlite3 compiles)"
  started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
  log "npm packages: installed in $((SECONDS - started)) s"
fi

# Fail here, not in the first test, when the native addon does not load in this Node.
node -e "const D = require('./node_modules/better-sqlite3'); new D(':memory:').close()"
log "ready"
