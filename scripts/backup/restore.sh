#!/usr/bin/env bash
# Restores a dump written by backup.sh (pg_dump -Fc) into a database.
#
# usage: restore.sh [--replace] [--no-acl] <dump-file> [database]
#   database    target database, created when missing (default: $PGDATABASE)
#   --replace   the target exists and holds tables: drop and recreate it
#               (stop the app releases first: docs/runbook.md)
#   --no-acl    skip GRANT/REVOKE (restoring outside Supabase, where its roles
#               anon/authenticated/service_role do not exist)
#
# Connection: libpq's PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD;
# PGPASSWORD_FILE is read when set). The target is created and dropped through
# the maintenance database RESTORE_MAINTENANCE_DB [postgres].
#
# The dump's .sha256, when present beside it, is checked first. The restore
# runs in a single transaction and stops at the first error: the target is
# either fully restored or left empty. Row counts per table are printed at the
# end, to compare with the source.
set -Eeuo pipefail

log() { printf '%s restore: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}
usage() {
  sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

psql_maintenance() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 \
    --dbname "${RESTORE_MAINTENANCE_DB:-postgres}" "$@"
}

# Quotes an identifier for SQL (database names are not bind parameters).
quote_ident() {
  local name=${1//\"/\"\"}
  printf '"%s"' "$name"
}

main() {
  local replace=0 no_acl=0
  while [ $# -gt 0 ]; do
    case $1 in
      --replace) replace=1 ;;
      --no-acl) no_acl=1 ;;
      -h | --help) usage ;;
      --*) die "unknown option $1" ;;
      *) break ;;
    esac
    shift
  done
  [ $# -ge 1 ] || usage
  local dump=$1 database=${2:-${PGDATABASE:-}}
  [ -n "$database" ] || die "no target database (argument or PGDATABASE)"
  [ -f "$dump" ] || die "no such dump: $dump"

  if [ -n "${PGPASSWORD_FILE:-}" ]; then
    PGPASSWORD=$(cat "$PGPASSWORD_FILE")
    export PGPASSWORD
  fi

  if [ -f "$dump.sha256" ]; then
    (cd "$(dirname "$dump")" && sha256sum --check --status "$(basename "$dump").sha256") ||
      die "checksum mismatch for $dump: the file is damaged"
    log "checksum ok"
  else
    log "warning: no $dump.sha256 beside the dump; checksum not verified"
  fi
  pg_restore --list "$dump" >/dev/null || die "$dump is not a pg_dump custom-format archive"

  local quoted exists tables
  quoted=$(quote_ident "$database")
  exists=$(psql_maintenance --set name="$database" <<<"SELECT count(*) FROM pg_database WHERE datname = :'name';")
  if [ "$exists" = 1 ]; then
    tables=$(psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname "$database" \
      --command "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema');")
    if [ "$tables" != 0 ]; then
      [ "$replace" = 1 ] || die "database $database already holds $tables table(s); use --replace to drop and recreate it"
      log "dropping database $database"
      psql_maintenance --set name="$database" <<<"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :'name' AND pid <> pg_backend_pid();" >/dev/null
      psql_maintenance --command "DROP DATABASE $quoted;"
      exists=0
    fi
  fi
  if [ "$exists" != 1 ]; then
    log "creating database $database"
    psql_maintenance --command "CREATE DATABASE $quoted;"
  fi

  local options=(--no-owner --exit-on-error --single-transaction --dbname "$database")
  if [ "$no_acl" = 1 ]; then options+=(--no-privileges); fi
  log "restoring $(basename "$dump") into $database"
  pg_restore "${options[@]}" "$dump" ||
    die "pg_restore failed; the transaction was rolled back, nothing of the dump is in $database"

  log "row counts:"
  psql --no-psqlrc --quiet --tuples-only --no-align --field-separator ' ' --dbname "$database" >&2 <<'SQL' || true
SELECT format('SELECT %L, count(*) FROM %I.%I', schemaname || '.' || tablename, schemaname, tablename)
FROM pg_tables
WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1
\gexec
SQL
  log "restore done"
}

main "$@"
