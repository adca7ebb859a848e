#!/usr/bin/env bash
# Health check for the Bulwark image: docker-healthcheck.sh [web|worker|sidecar|demo-agent]
# Without an argument it checks the role docker-entrypoint.sh recorded when it started (the image's
# HEALTHCHECK runs beside PID 1, so it cannot see the role any other way). Exit 0 healthy, 1 not.
#
#   web         GET /api/ready on PORT: ready means the database, the queue and Redis answer
#   worker      the heartbeat file is younger than BULWARK_WORKER_HEARTBEAT_MAX_AGE seconds (60)
#   sidecar     GET /healthz on the port of SIDECAR_LISTEN
#   demo-agent  GET /health on PORT
#
# Plain bash (/dev/tcp): no curl in the slim image, and no Node start-up on every probe.
set -euo pipefail

runtime_dir="${BULWARK_RUNTIME_DIR:-${TMPDIR:-/tmp}/bulwark}"
role="${1:-$(cat "$runtime_dir/role" 2>/dev/null || echo unknown)}"

# Succeeds when 127.0.0.1:$1 answers GET $2 with a 200 status line within 5 s.
http_ok() {
  local status_line
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
  IFS= read -r -t 5 status_line <&3 || return 1
  exec 3<&-
  [[ "$status_line" =~ ^HTTP/1\.[01]\ 200 ]] || { echo "GET $2: ${status_line%$'\r'}"; return 1; }
}

case "$role" in
  web) http_ok "${PORT:-3000}" /api/ready ;;
  demo-agent) http_ok "${PORT:-4100}" /health ;;
  sidecar)
    listen="${SIDECAR_LISTEN:-127.0.0.1:8080}"
    http_ok "${listen##*:}" /healthz
    ;;
  worker)
    file="${BULWARK_WORKER_HEARTBEAT_FILE:-$runtime_dir/worker-heartbeat}"
    [ -f "$file" ] || { echo "no heartbeat file $file yet"; exit 1; }
    age=$(($(date +%s) - $(stat -c %Y "$file")))
    [ "$age" -le "${BULWARK_WORKER_HEARTBEAT_MAX_AGE:-60}" ] || { echo "last heartbeat ${age}s ago"; exit 1; }
    ;;
  *) echo "unknown role '$role' (expected web, worker, sidecar or demo-agent)"; exit 1 ;;
esac
