#!/usr/bin/env bash
# Backs up Bulwark's PostgreSQL database with pg_dump (custom format, compressed) into a backup
# directory, then applies the retention policy. See usage() or DEPLOYMENT.md "Backups and restore".
#
# Each backup is three files sharing a UTC timestamp:
#   bulwark-<YYYYMMDDTHHMMSSZ>.dump        pg_dump --format=custom
#   bulwark-<…>.counts.tsv                 exact row count per table, in the dump's own snapshot
#   bulwark-<…>.sha256                     sha256sum -c format, covering the two files above
# They are written under temporary names and renamed into place (the .dump last), so a backup
# that exists is complete. Old backups are deleted only after the new one succeeded.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/pg-tools.sh
source "$SCRIPT_DIR/lib/pg-tools.sh"

usage() {
  cat <<'EOF'
Usage: scripts/backup.sh [options]

Dumps DATABASE_URL with pg_dump (custom format) into the backup directory, with a per-table row
count manifest and a sha256 checksum file, then deletes backups outside the retention policy.

Options (each defaults to the environment variable named):
  --database-url URL     database to back up                      (DATABASE_URL)
  --dir DIR              backup directory, created if missing     (BACKUP_DIR, default ./backups)
  --keep N               keep the newest N backups                (BACKUP_KEEP)
  --max-age-days D       keep backups younger than D days         (BACKUP_MAX_AGE_DAYS)
  --compress LEVEL       pg_dump compression level 0-9            (BACKUP_COMPRESS_LEVEL, default 6)
  --pg-bin-dir DIR       directory of pg_dump, pg_restore, psql   (PG_BIN_DIR, default: PATH)
  -h, --help             this help

Retention: a backup is deleted only when it is neither among the newest N nor younger than
D days (each rule applies when set). With neither set, nothing is deleted. The backup just
written is never deleted.

Exit status: 0 on success, 1 on any failure (nothing is deleted then), 2 on a usage error.
EOF
}

die() {
  echo "backup: error: $*" >&2
  exit 1
}
usage_error() {
  echo "backup: $*" >&2
  echo "Run scripts/backup.sh --help for usage." >&2
  exit 2
}

url="${DATABASE_URL:-}"
dir="${BACKUP_DIR:-./backups}"
keep="${BACKUP_KEEP:-}"
max_age_days="${BACKUP_MAX_AGE_DAYS:-}"
level="${BACKUP_COMPRESS_LEVEL:-6}"

while (($# > 0)); do
  case "$1" in
    --database-url | --dir | --keep | --max-age-days | --compress | --pg-bin-dir)
      (($# >= 2)) || usage_error "$1 needs a value"
      case "$1" in
        --database-url) url="$2" ;;
        --dir) dir="$2" ;;
        --keep) keep="$2" ;;
        --max-age-days) max_age_days="$2" ;;
        --compress) level="$2" ;;
        --pg-bin-dir) export PG_BIN_DIR="$2" ;;
      esac
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) usage_error "unknown argument: $1" ;;
  esac
done

[[ -n "$url" ]] || usage_error "no database: set DATABASE_URL or pass --database-url"
password_to_env "$url"
url="$PG_URL"
[[ -n "$dir" ]] || usage_error "--dir must not be empty"
[[ -z "$keep" || "$keep" =~ ^[1-9][0-9]*$ ]] || usage_error "--keep / BACKUP_KEEP must be a positive integer, got \"$keep\""
[[ -z "$max_age_days" || "$max_age_days" =~ ^[1-9][0-9]*$ ]] || usage_error "--max-age-days / BACKUP_MAX_AGE_DAYS must be a positive integer, got \"$max_age_days\""
[[ "$level" =~ ^[0-9]$ ]] || usage_error "--compress / BACKUP_COMPRESS_LEVEL must be 0-9, got \"$level\""

# A server that does not answer must fail the cron job, not hang it.
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

PG_DUMP="$(pg_tool pg_dump)"
PG_RESTORE="$(pg_tool pg_restore)"
PSQL="$(pg_tool psql)"
server_major="$(pg_server_major "$PSQL" "$url")"
assert_tool_supports_server "$PG_DUMP" "$(pg_tool_major "$PG_DUMP")" "$server_major"

mkdir -p -- "$dir" || die "cannot create the backup directory $dir"
[[ -w "$dir" ]] || die "the backup directory $dir is not writable"

# One backup at a time per directory: two overlapping cron runs would race on retention.
exec 9>"$dir/.backup.lock"
flock -n 9 || die "another backup is running in $dir (lock $dir/.backup.lock)"

started=$SECONDS
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="bulwark-$stamp"
[[ ! -e "$dir/$base.dump" ]] || die "$dir/$base.dump already exists (two backups within one second)"
tmp_dump="$dir/.$base.dump.partial"
tmp_counts="$dir/.$base.counts.tsv.partial"
tmp_sums="$dir/.$base.sha256.partial"
session_pid=""

cleanup() {
  local status=$?
  if [[ -n "$session_pid" ]]; then
    kill "$session_pid" 2>/dev/null || true
    wait "$session_pid" 2>/dev/null || true
  fi
  rm -f -- "$tmp_dump" "$tmp_counts" "$tmp_sums"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A read-only REPEATABLE READ transaction exports its snapshot: the row counts are taken in it,
# and pg_dump dumps exactly it, so the manifest describes the dump even while the app writes.
coproc SNAPSHOT_SESSION { exec "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$url" 2>&1; }
session_pid="$SNAPSHOT_SESSION_PID"
session_in="${SNAPSHOT_SESSION[1]}"
session_out="${SNAPSHOT_SESSION[0]}"
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;" "SELECT pg_export_snapshot();" >&"$session_in"
IFS= read -r snapshot <&"$session_out" || die "the snapshot session ended before exporting a snapshot"
[[ "$snapshot" =~ ^[0-9A-F]+-[0-9A-F]+-[0-9]+$ ]] || die "could not export a snapshot: $snapshot"

end_marker="-- end of counts $stamp --"
{
  cat "$SCRIPT_DIR/lib/table-counts.sql"
  printf "SELECT '%s';\n" "$end_marker"
} >&"$session_in"
tables=0
rows=0
: >"$tmp_counts"
while true; do
  IFS= read -r line <&"$session_out" || die "the snapshot session ended while counting rows"
  [[ "$line" == "$end_marker" ]] && break
  [[ "$line" =~ ^[^[:space:]]+$'\t'([0-9]+)$ ]] || die "counting rows failed: $line"
  printf '%s\n' "$line" >>"$tmp_counts"
  tables=$((tables + 1))
  rows=$((rows + BASH_REMATCH[1]))
done
((tables > 0)) || die "the database has no tables: is DATABASE_URL the right database?"

"$PG_DUMP" --dbname="$url" --format=custom --compress="$level" --snapshot="$snapshot" --file="$tmp_dump" ||
  die "pg_dump failed (see its message above)"

printf '%s\n' "COMMIT;" '\q' >&"$session_in"
exec {session_in}>&-
wait "$session_pid" || die "the snapshot session failed"
session_pid=""

# pg_restore reads the archive's table of contents: a truncated or garbled file fails here.
"$PG_RESTORE" --list "$tmp_dump" >/dev/null || die "the new dump is not a readable archive"

{
  printf '%s  %s\n' "$(sha256sum <"$tmp_dump" | cut -d ' ' -f 1)" "$base.dump"
  printf '%s  %s\n' "$(sha256sum <"$tmp_counts" | cut -d ' ' -f 1)" "$base.counts.tsv"
} >"$tmp_sums"
sync -- "$tmp_dump" "$tmp_counts" "$tmp_sums"
mv -- "$tmp_counts" "$dir/$base.counts.tsv"
mv -- "$tmp_sums" "$dir/$base.sha256"
mv -- "$tmp_dump" "$dir/$base.dump"
sync -- "$dir"

size="$(du -h -- "$dir/$base.dump" | cut -f 1)"
echo "backup: wrote $dir/$base.dump ($size; $tables tables, $rows rows; pg_dump $(pg_tool_major "$PG_DUMP"), server $server_major) in $((SECONDS - started))s"

# Retention. Only names this script writes are considered; anything else in the directory stays.
# Backups sort by their timestamped names, newest first.
if [[ -z "$keep" && -z "$max_age_days" ]]; then
  echo "backup: retention: none configured (set BACKUP_KEEP and/or BACKUP_MAX_AGE_DAYS); nothing deleted"
  exit 0
fi
now="$(date -u +%s)"
index=0
deleted=0
while IFS= read -r name; do
  [[ "$name" =~ ^bulwark-([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z\.dump$ ]] || continue
  index=$((index + 1))
  old_base="${name%.dump}"
  [[ "$old_base" == "$base" ]] && continue
  [[ -n "$keep" ]] && ((index <= keep)) && continue
  if [[ -n "$max_age_days" ]]; then
    taken="$(date -u -d "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]} ${BASH_REMATCH[4]}:${BASH_REMATCH[5]}:${BASH_REMATCH[6]} UTC" +%s)"
    ((now - taken < max_age_days * 86400)) && continue
  fi
  rm -f -- "$dir/$old_base.dump" "$dir/$old_base.counts.tsv" "$dir/$old_base.sha256"
  echo "backup: retention: deleted $old_base"
  deleted=$((deleted + 1))
done < <(find "$dir" -maxdepth 1 -type f -name 'bulwark-*.dump' -printf '%f\n' | LC_ALL=C sort -r)
echo "backup: retention: deleted $deleted backup(s) (keep newest: ${keep:-not set}; keep younger than: ${max_age_days:-not set} days)"
