#!/usr/bin/env bash
# Bulwark entrypoint: docker-entrypoint.sh [web|worker|migrate|sidecar|demo-agent|<command…>]
#
#   web, worker  wait for PostgreSQL, apply migrations (unless BULWARK_SKIP_MIGRATIONS=1), seed the
#                first owner when BULWARK_SEED=1, then exec the process so it receives signals
#   migrate      the same database steps, then exit 0 (a Kubernetes Job, an upgrade step)
#   sidecar, demo-agent  exec the process; they never touch the database
#   anything else  exec'd as given, from the app directory
#
# BULWARK_SEED=1 creates, through `scripts/admin.ts bootstrap`, the account BULWARK_ADMIN_EMAIL
# (a platform administrator) owning the organization BULWARK_SEED_ORG (default "Default"), with
# the password read from BULWARK_SEED_PASSWORD_FILE (or BULWARK_SEED_PASSWORD). When that account
# already exists it does nothing, so every restart may ask again. The owner API key it creates is
# never printed: logs are shipped to places secrets should not go; sign in to make a key.
#
# Works outside a container too: the app directory is BULWARK_APP_DIR, else this script's own
# directory when it is a Bulwark checkout, else /app (the image).
set -euo pipefail

log() { echo "entrypoint: $*" >&2; }
die() { log "$*"; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -n "${BULWARK_APP_DIR:-}" ]; then
  app_dir="$BULWARK_APP_DIR"
elif [ -f "$script_dir/prisma/schema.prisma" ]; then
  app_dir="$script_dir"
else
  app_dir=/app
fi
cd "$app_dir" || die "BULWARK_APP_DIR $app_dir does not exist"
tsx="$app_dir/node_modules/.bin/tsx"

# The health check script reads the role from here (it runs beside PID 1, not as its child).
runtime_dir="${BULWARK_RUNTIME_DIR:-${TMPDIR:-/tmp}/bulwark}"

role="${1:-web}"
[ "$#" -gt 0 ] && shift

wait_for_database() {
  local wait_seconds="${BULWARK_DB_WAIT_SECONDS:-60}"
  [[ "$wait_seconds" =~ ^[0-9]+$ ]] || die "BULWARK_DB_WAIT_SECONDS must be a number of seconds, got '$wait_seconds'"
  log "waiting up to ${wait_seconds}s for the database"
  local deadline=$((SECONDS + wait_seconds)) last_error=""
  # The probe prints why it failed; the last reason is what the operator needs on a timeout.
  until last_error="$(node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.log(e.message || e.code || String(e)); process.exit(1); });
  " 2>&1)"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      die "the database did not answer within ${wait_seconds}s (last error: ${last_error:-none}); check DATABASE_URL and that PostgreSQL is reachable"
    fi
    sleep 2
  done
}

# Checked before waiting for the database: a misconfiguration should not cost a wait.
seed_password=""
check_seed_settings() {
  case "${BULWARK_SEED:-0}" in
    0) return 0 ;;
    1) ;;
    *) die "BULWARK_SEED must be 0 or 1, got '${BULWARK_SEED}'" ;;
  esac
  [ -n "${BULWARK_ADMIN_EMAIL:-}" ] || die "BULWARK_SEED=1 needs BULWARK_ADMIN_EMAIL, the address of the first owner"
  if [ -n "${BULWARK_SEED_PASSWORD_FILE:-}" ]; then
    [ -r "$BULWARK_SEED_PASSWORD_FILE" ] || die "BULWARK_SEED_PASSWORD_FILE $BULWARK_SEED_PASSWORD_FILE is not readable"
    seed_password="$(cat "$BULWARK_SEED_PASSWORD_FILE")"
  else
    seed_password="${BULWARK_SEED_PASSWORD:-}"
  fi
  [ -n "$seed_password" ] || die "BULWARK_SEED=1 needs BULWARK_SEED_PASSWORD_FILE or BULWARK_SEED_PASSWORD"
}

seed_first_owner() {
  log "seeding the first owner ${BULWARK_ADMIN_EMAIL} unless that account exists"
  # --password-stdin keeps the password out of the process list.
  printf '%s' "$seed_password" | "$tsx" scripts/admin.ts bootstrap --if-absent --omit-key \
    --email "$BULWARK_ADMIN_EMAIL" --org "${BULWARK_SEED_ORG:-Default}" --password-stdin
}

prepare_database() {
  : "${DATABASE_URL:?DATABASE_URL is required (postgresql://user:password@host:5432/database)}"
  check_seed_settings
  wait_for_database
  if [ "$1" = "always" ] || [ "${BULWARK_SKIP_MIGRATIONS:-0}" != "1" ]; then
    log "applying migrations"
    "$tsx" scripts/migrate.ts
  fi
  if [ "${BULWARK_SEED:-0}" = "1" ]; then seed_first_owner; fi
}

remember_role() {
  mkdir -p "$runtime_dir"
  printf '%s\n' "$1" >"$runtime_dir/role"
}

case "$role" in
  web)
    server="$app_dir/apps/web/.next/standalone/apps/web/server.js"
    [ -f "$server" ] || die "no Next standalone build at $server (run npm run build)"
    prepare_database once
    remember_role web
    cd "$(dirname "$server")"
    # The standalone server of Next reads HOSTNAME and PORT.
    HOSTNAME="${HOST:-0.0.0.0}" exec node server.js "$@"
    ;;
  worker)
    prepare_database once
    remember_role worker
    export BULWARK_WORKER_HEARTBEAT_FILE="${BULWARK_WORKER_HEARTBEAT_FILE:-$runtime_dir/worker-heartbeat}"
    # A beat left by a previous process must not vouch for this one while it starts.
    rm -f "$BULWARK_WORKER_HEARTBEAT_FILE"
    exec "$tsx" apps/worker/src/main.ts "$@"
    ;;
  migrate)
    prepare_database always
    log "database ready"
    exit 0
    ;;
  sidecar)
    remember_role sidecar
    exec "$tsx" apps/sidecar/src/main.ts "$@"
    ;;
  demo-agent)
    remember_role demo-agent
    exec "$tsx" apps/demo-agent/src/main.ts "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
