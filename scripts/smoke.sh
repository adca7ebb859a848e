#!/usr/bin/env bash
# Smoke test of README command one, as CI runs it: `npm start` with no DATABASE_URL (embedded
# PostgreSQL) in a fresh data dir must serve /api/health and /api/ready, stop cleanly, and come
# back up on the same data dir.
#
# Env: PORT (default 3311), SMOKE_TIMEOUT seconds per start (default 240, includes the build).
set -euo pipefail

cd "$(dirname "$0")/.."

PORT="${PORT:-3311}"
SMOKE_TIMEOUT="${SMOKE_TIMEOUT:-240}"
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-smoke.XXXXXX")"
LOG="$DATA_DIR/server.log"
SERVER_PID=""

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Stops the server's whole process group (npm, tsx, Next, PostgreSQL), waits, and returns
# non-zero if PostgreSQL did not shut down cleanly (a clean shutdown removes postmaster.pid).
stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 -- "-$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 -- "-$SERVER_PID" 2>/dev/null; then
    echo "smoke: the server did not stop within 30s; killing it" >&2
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  local lock="$DATA_DIR/postgres/postmaster.pid" pg_pid
  [[ -f "$lock" ]] || return 0
  pg_pid="$(head -n 1 "$lock")"
  if kill -0 "$pg_pid" 2>/dev/null; then
    echo "smoke: embedded PostgreSQL (pid $pg_pid) outlived the server; stopping it" >&2
    kill -QUIT "$pg_pid" 2>/dev/null || true
  fi
  echo "smoke: embedded PostgreSQL did not shut down cleanly (postmaster.pid left behind)" >&2
  return 1
}

cleanup() {
  local status=$?
  trap - EXIT
  stop_server || status=1
  rm -rf "$DATA_DIR"
  exit "$status"
}
trap cleanup EXIT

fail() {
  echo "smoke: FAILED: $*" >&2
  if [[ -f "$LOG" ]]; then
    echo "---- last 80 lines of the server log ----" >&2
    tail -n 80 "$LOG" >&2
  fi
  exit 1
}

start_server() {
  echo "smoke: npm start (data dir $DATA_DIR, port $PORT)"
  # setsid: its own process group, so stop_server can signal npm and everything under it.
  env -u DATABASE_URL BULWARK_DATA_DIR="$DATA_DIR" BULWARK_EMBEDDED_PG_PORT="$PG_PORT" PORT="$PORT" \
    setsid npm start >>"$LOG" 2>&1 &
  SERVER_PID=$!
}

# Waits until every given path answers 200, then prints each body.
wait_ready() {
  local deadline=$((SECONDS + SMOKE_TIMEOUT)) path code
  for path in "$@"; do
    while :; do
      kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited before $path answered 200"
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT$path" || true)"
      [[ "$code" == "200" ]] && break
      ((SECONDS < deadline)) || fail "$path did not answer 200 within ${SMOKE_TIMEOUT}s (last status: ${code:-none})"
      sleep 1
    done
  done
  for path in "$@"; do
    echo "smoke: GET $path -> 200 $(curl -s --max-time 5 "http://127.0.0.1:$PORT$path")"
  done
}

command -v curl >/dev/null || fail "curl is required"
command -v setsid >/dev/null || fail "setsid (util-linux) is required"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then fail "port $PORT is already in use; set PORT"; fi
PG_PORT="${BULWARK_EMBEDDED_PG_PORT:-$(free_port)}"

# What only the real server shows: headers set by the proxy, and the envelope of unknown paths.
check_http_contract() {
  local headers body
  headers="$(curl -s -D - -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/")"
  for expected in "x-content-type-options: nosniff" "referrer-policy: strict-origin-when-cross-origin" "frame-ancestors 'none'" "x-request-id: "; do
    grep -qi "$expected" <<<"$headers" || fail "GET / lacks the header '$expected'"
  done
  if grep -qi "strict-transport-security" <<<"$headers"; then fail "HSTS was sent over plain http"; fi
  body="$(curl -s --max-time 5 "http://127.0.0.1:$PORT/api/v1/no-such-route")"
  grep -q '"code":"not_found"' <<<"$body" || fail "an unknown API path did not answer in the error envelope: $body"
  grep -q '"requestId":"' <<<"$body" || fail "the 404 envelope has no request id: $body"
  echo "smoke: security headers and the API 404 envelope are in place"
}

start_server
wait_ready /api/health /api/ready
check_http_contract
stop_server || fail "unclean shutdown"
echo "smoke: stopped cleanly; starting again on the same data dir"

echo "---- restart ----" >>"$LOG"
start_server
wait_ready /api/health /api/ready
restart_log="$(sed -n '/---- restart ----/,$p' "$LOG")"
grep -q "Database schema is up to date" <<<"$restart_log" || fail "the restart did not find the migrations it applied before"
if grep -q "first start only" <<<"$restart_log"; then fail "the restart initialised a new cluster"; fi
stop_server || fail "unclean shutdown after the restart"

echo "smoke: OK"
