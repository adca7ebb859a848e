#!/usr/bin/env bash
# Proves that a backup written by scripts/backup.sh restores: checks its checksums, restores it
# into a scratch database, compares every table's row count with the counts recorded when the
# dump was taken, and verifies every audit chain and run evidence chain with the API's own
# verifiers (scripts/verify-chains.ts). See usage() or DEPLOYMENT.md "Backups and restore".
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/pg-tools.sh
source "$SCRIPT_DIR/lib/pg-tools.sh"

usage() {
  cat <<'EOF'
Usage: scripts/restore-check.sh [options] <backups/bulwark-YYYYMMDDTHHMMSSZ.dump>

Verifies the backup's sha256 checksums, restores it into a new scratch database on the server
DATABASE_URL names (the database itself is not touched), compares every table's row count with
the counts recorded at backup time, and verifies every audit chain and run evidence chain.
The scratch database is dropped on exit unless --keep is given.

Options:
  --database-url URL   server to restore on (DATABASE_URL); its user needs CREATEDB
  --keep               keep the scratch database and print its URL
  --jobs N             parallel pg_restore jobs (default 2)
  --pg-bin-dir DIR     directory of pg_restore and psql (PG_BIN_DIR, default: PATH)
  -h, --help           this help

Needs Node 24 and the repository's dependencies (npm ci) for the chain verification.
Exit status: 0 when everything matches, 1 on any mismatch or failure, 2 on a usage error.
EOF
}

die() {
  echo "restore-check: error: $*" >&2
  exit 1
}
usage_error() {
  echo "restore-check: $*" >&2
  echo "Run scripts/restore-check.sh --help for usage." >&2
  exit 2
}

url="${DATABASE_URL:-}"
keep_scratch=0
jobs=2
dump=""
while (($# > 0)); do
  case "$1" in
    --database-url | --jobs | --pg-bin-dir)
      (($# >= 2)) || usage_error "$1 needs a value"
      case "$1" in
        --database-url) url="$2" ;;
        --jobs) jobs="$2" ;;
        --pg-bin-dir) export PG_BIN_DIR="$2" ;;
      esac
      shift 2
      ;;
    --keep)
      keep_scratch=1
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*) usage_error "unknown option: $1" ;;
    *)
      [[ -z "$dump" ]] || usage_error "one backup file at a time (got $dump and $1)"
      dump="$1"
      shift
      ;;
  esac
done

[[ -n "$dump" ]] || usage_error "which backup? pass the path of a .dump file"
[[ -n "$url" ]] || usage_error "no server: set DATABASE_URL or pass --database-url"
password_to_env "$url"
url="$PG_URL"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || usage_error "--jobs must be a positive integer, got \"$jobs\""
[[ "$dump" == *.dump ]] || usage_error "$dump is not a .dump file written by scripts/backup.sh"
[[ -f "$dump" ]] || die "$dump does not exist"

export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
started=$SECONDS
dump_dir="$(cd "$(dirname "$dump")" && pwd)"
base="$(basename "$dump" .dump)"
sums="$dump_dir/$base.sha256"
manifest="$dump_dir/$base.counts.tsv"
failures=0
echo "restore-check: $dump_dir/$base.dump"

# 1. Checksums, before anything reads the archive. The checksum file must cover both files.
[[ -f "$sums" ]] || die "checksum file $sums is missing"
[[ -f "$manifest" ]] || die "row count manifest $manifest is missing"
for name in "$base.dump" "$base.counts.tsv"; do
  grep -qE "^[0-9a-f]{64}  $name\$" "$sums" || die "$sums does not cover $name"
done
if ! sum_output="$(cd "$dump_dir" && sha256sum --check --strict "$base.sha256" 2>&1)"; then
  echo "$sum_output" >&2
  die "CHECKSUM MISMATCH: $base is corrupt or was modified after the backup; not restoring it"
fi
echo "  checksum        ok (sha256 of the dump and its row count manifest)"

# 2. Tools and versions: pg_restore reads archives only from its own or older pg_dump versions,
# and a dump restores into a server at least as new as the one it came from.
PG_RESTORE="$(pg_tool pg_restore)"
PSQL="$(pg_tool psql)"
restore_major="$(pg_tool_major "$PG_RESTORE")"
server_major="$(pg_server_major "$PSQL" "$url")"
assert_tool_supports_server "$PG_RESTORE" "$restore_major" "$server_major"
if ! toc="$("$PG_RESTORE" --list "$dump" 2>&1)"; then
  echo "$toc" >&2
  die "pg_restore $restore_major cannot read $base.dump (written by a newer pg_dump?); set PG_BIN_DIR to newer client tools"
fi
dumped_by="$(sed -nE 's/^;[[:space:]]+Dumped by pg_dump version: ([0-9]+).*/\1/p' <<<"$toc")"
dumped_from="$(sed -nE 's/^;[[:space:]]+Dumped from database version: ([0-9]+).*/\1/p' <<<"$toc")"
[[ -n "$dumped_by" && -n "$dumped_from" ]] || die "$base.dump has no pg_dump version header: not a pg_dump archive?"
((dumped_from <= server_major)) || die "$base.dump comes from PostgreSQL $dumped_from; restore it on a server of version $dumped_from or newer (this one is $server_major)"

# The chain check runs the app's TypeScript (module hooks of Node 24); find out before restoring.
tsx="$REPO_ROOT/node_modules/.bin/tsx"
[[ -x "$tsx" ]] || die "$tsx is missing: run npm ci in $REPO_ROOT (the chain check runs the app's own verifiers)"
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || die "node is not on PATH: the chain check needs Node 24 (source scripts/ensure-node.sh)"
[[ "$node_major" == 24 ]] || die "the chain check needs Node 24, found $(node -v) at $(command -v node) (source scripts/ensure-node.sh)"

# 3. Restore into a scratch database of its own, dropped on exit unless --keep.
scratch="bulwark_restore_check_$(date -u +%Y%m%d%H%M%S)_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
scratch_url="$(url_with_database "$url" "$scratch")"
created=0
cleanup() {
  local status=$?
  if ((created)); then
    if ((keep_scratch)); then
      echo "restore-check: kept the scratch database: $(redact_url "$scratch_url")"
    elif ! "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$url" -c "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)" >/dev/null; then
      echo "restore-check: could not drop the scratch database $scratch; drop it by hand" >&2
      status=1
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$url" -c "CREATE DATABASE \"$scratch\"" >/dev/null ||
  die "could not create the scratch database $scratch (does the user have CREATEDB?)"
created=1
restore_started=$SECONDS
# No owners or grants: the roles of the source server need not exist here. Any error fails.
"$PG_RESTORE" --dbname="$scratch_url" --no-owner --no-privileges --exit-on-error --jobs="$jobs" "$dump" ||
  die "pg_restore failed (see its message above)"
echo "  restore         ok into $scratch ($((SECONDS - restore_started))s; pg_dump $dumped_by from PostgreSQL $dumped_from, pg_restore $restore_major, server $server_major)"

# 4. Row counts, with the very query backup.sh ran inside the dump's snapshot.
restored_counts="$("$PSQL" -X -At -v ON_ERROR_STOP=1 -d "$scratch_url" -f "$SCRIPT_DIR/lib/table-counts.sql")" ||
  die "counting the restored rows failed"
count_diff="$(LC_ALL=C join -t $'\t' -a 1 -a 2 -e missing -o 0,1.2,2.2 "$manifest" <(printf '%s\n' "$restored_counts") |
  awk -F '\t' '$2 != $3 { printf "    %s: %s at backup, %s restored\n", $1, $2, $3 }')"
tables="$(wc -l <"$manifest")"
rows="$(awk -F '\t' '{ n += $2 } END { print n + 0 }' "$manifest")"
if [[ -z "$count_diff" ]]; then
  echo "  row counts      ok: $tables tables, $rows rows, identical to the backup's manifest"
else
  echo "  row counts      MISMATCH:"
  echo "$count_diff"
  failures=$((failures + 1))
fi

# 5. Hash chains, with the verifiers the API runs.
if chain_output="$(cd "$REPO_ROOT" && DATABASE_URL="$scratch_url" "$tsx" scripts/verify-chains.ts 2>&1)"; then
  chain_status=0
else
  chain_status=$?
fi
if ((chain_status == 0)); then
  echo "  hash chains     ok"
else
  echo "  hash chains     FAILED:"
  failures=$((failures + 1))
fi
awk '{ print "    " $0 }' <<<"$chain_output"

if ((failures > 0)); then
  echo "restore-check: FAILED ($failures check(s)) in $((SECONDS - started))s"
  exit 1
fi
echo "restore-check: OK in $((SECONDS - started))s"
