#!/usr/bin/env bash
# Container entrypoint: wait for PostgreSQL, apply migrations, then exec the requested role so
# it receives signals directly.
set -euo pipefail

role="${1:-web}"
: "${DATABASE_URL:?DATABASE_URL is required}"

wait_seconds="${BULWARK_DB_WAIT_SECONDS:-60}"
echo "entrypoint: waiting up to ${wait_seconds}s for the database"
deadline=$((SECONDS + wait_seconds))
until node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "entrypoint: the database did not answer within ${wait_seconds}s" >&2
    exit 1
  fi
  sleep 2
done

if [ "${BULWARK_SKIP_MIGRATIONS:-0}" != "1" ]; then
  echo "entrypoint: applying migrations"
  npx --no-install tsx scripts/migrate.ts
fi

case "$role" in
  web)
    cd apps/web/.next/standalone
    HOSTNAME="${HOST:-0.0.0.0}" exec node apps/web/server.js
    ;;
  worker)
    exec npx --no-install tsx apps/worker/src/main.ts
    ;;
  *)
    exec "$@"
    ;;
esac
