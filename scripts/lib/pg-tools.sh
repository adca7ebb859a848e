# shellcheck shell=bash
# Shared by backup.sh and restore-check.sh (sourced, not run): PostgreSQL client tools, their
# version against the server's, and database URLs. Callers define `die` and `set -euo pipefail`.

# The path of a client tool: from PG_BIN_DIR when set, else from PATH.
pg_tool() {
  local name="$1" path
  if [[ -n "${PG_BIN_DIR:-}" ]]; then
    path="$PG_BIN_DIR/$name"
    [[ -x "$path" ]] || die "$name not found in PG_BIN_DIR ($PG_BIN_DIR)"
  else
    path="$(command -v "$name")" || die "$name not found on PATH: install the PostgreSQL client tools of your server's major version (Debian/Ubuntu: apt-get install postgresql-client-<major>) or set PG_BIN_DIR"
  fi
  printf '%s\n' "$path"
}

# The major version a client tool reports ("pg_dump (PostgreSQL) 15.20 (Debian …)" -> 15).
pg_tool_major() {
  local out
  out="$("$1" --version)" || die "could not run $1 --version"
  [[ "$out" =~ \(PostgreSQL\)\ ([0-9]+) ]] || die "unexpected version output from $1: $out"
  printf '%s\n' "${BASH_REMATCH[1]}"
}

# The server's major version; also proves the URL connects.
pg_server_major() {
  local psql="$1" url="$2" num
  num="$("$psql" -X -At -v ON_ERROR_STOP=1 -d "$url" -c "SHOW server_version_num")" || die "cannot connect to $(redact_url "$url")"
  [[ "$num" =~ ^[0-9]+$ ]] || die "unexpected server_version_num from $(redact_url "$url"): $num"
  printf '%s\n' "$((num / 10000))"
}

# pg_dump and pg_restore refuse a server (or an archive) newer than themselves. Say so up front,
# with the way out, instead of their error halfway through. The embedded PostgreSQL that
# `npm start` runs without DATABASE_URL is 18 and ships no client tools of its own.
assert_tool_supports_server() {
  local tool="$1" tool_major="$2" server_major="$3"
  if ((tool_major < server_major)); then
    die "$(basename "$tool") $tool_major ($tool) cannot work with a PostgreSQL $server_major server: install the version $server_major client tools (apt.postgresql.org: postgresql-client-$server_major) and put them first on PATH or set PG_BIN_DIR to their bin directory"
  fi
}

# The URL with its password masked, for messages.
redact_url() {
  sed -E 's#^([a-z]+://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"
}

# Moves the password of URL (if any) into PGPASSWORD, which libpq and node-postgres read, and sets
# PG_URL to the URL without it: a password on a client tool's command line is readable by every
# user of the host through `ps`. Percent-encoding in the password is decoded. Call it directly,
# not in $(…): the export must reach this shell.
# shellcheck disable=SC2034 # PG_URL is read by the scripts that source this file
password_to_env() {
  local url="$1"
  PG_URL="$url"
  if [[ "$url" =~ ^([a-z]+://[^:/@]+):([^@]*)@(.*)$ ]]; then
    local encoded="${BASH_REMATCH[2]}" escaped
    PG_URL="${BASH_REMATCH[1]}@${BASH_REMATCH[3]}"
    escaped="${encoded//\\/\\\\}"
    export PGPASSWORD
    PGPASSWORD="$(printf '%b' "${escaped//%/\\x}")"
  fi
}

# The same server URL naming another database: postgresql://u:p@h:5432/db?x=y -> …/<name>?x=y.
url_with_database() {
  local url="$1" name="$2"
  [[ "$url" =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?.*)?$ ]] || die "DATABASE_URL must be a postgresql:// URL, got $(redact_url "$url")"
  printf '%s/%s%s\n' "${BASH_REMATCH[1]}" "$name" "${BASH_REMATCH[4]}"
}
