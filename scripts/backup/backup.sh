#!/usr/bin/env bash
# One backup of the GPM database: `pg_dump -Fc`, checked with `pg_restore
# --list`, checksummed, old dumps pruned, then copied off the host by a hook.
# Run daily by schedule.sh in the stack's backup container; can be run by hand:
#   docker compose ... exec backup /opt/gpm/backup/backup.sh
#
# Connection: libpq's PG* variables (PGHOST, PGPORT, PGUSER, PGDATABASE,
# PGPASSWORD) or BACKUP_DATABASE_URL; PGPASSWORD_FILE is read when set
# (compose secrets). pg_dump must be at least the server's major version.
#
# Environment (defaults in brackets):
#   BACKUP_DIR                 where dumps are written (required)
#   BACKUP_PREFIX [gpm]        dump names: <prefix>-<UTC time>.dump (+ .sha256)
#   BACKUP_RETENTION_DAYS [14] dumps older than this are deleted ...
#   BACKUP_KEEP_MIN [3]        ... except the newest BACKUP_KEEP_MIN, always kept
#   BACKUP_OFFSITE_COMMAND     shell command run after the dump with its path in
#                              $BACKUP_FILE (e.g. rclone copy "$BACKUP_FILE" offsite:...)
#   BACKUP_METRICS_DIR         directory for Prometheus textfile metrics
#                              (gpm_backup.prom, gpm_backup_offsite.prom)
#
# Exit status: 0 done; 1 the dump failed (nothing changed); 2 the dump is
# kept but the off-host copy failed.
set -Eeuo pipefail

BACKUP_DIR=${BACKUP_DIR:?BACKUP_DIR is required}
BACKUP_PREFIX=${BACKUP_PREFIX:-gpm}
BACKUP_RETENTION_DAYS=${BACKUP_RETENTION_DAYS:-14}
BACKUP_KEEP_MIN=${BACKUP_KEEP_MIN:-3}
BACKUP_OFFSITE_COMMAND=${BACKUP_OFFSITE_COMMAND:-}
BACKUP_METRICS_DIR=${BACKUP_METRICS_DIR:-}
# The dump being written; removed on exit unless it was completed.
PARTIAL=""

log() { printf '%s backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

# Metric files are replaced atomically so the exporter never reads half a file.
write_metrics() {
  local file=$1 tmp
  shift
  [ -n "$BACKUP_METRICS_DIR" ] || return 0
  mkdir -p "$BACKUP_METRICS_DIR"
  tmp=$(mktemp "$BACKUP_METRICS_DIR/.metrics.XXXXXX")
  printf '%s\n' "$@" >"$tmp"
  chmod 0644 "$tmp"
  mv -f "$tmp" "$BACKUP_METRICS_DIR/$file"
}

# Deletes dumps past the retention period, never the newest BACKUP_KEEP_MIN.
prune() {
  local cutoff dump index=0 dumps
  cutoff=$(($(date +%s) - BACKUP_RETENTION_DAYS * 86400))
  # Names carry a sortable UTC time stamp: newest first.
  mapfile -t dumps < <(find "$BACKUP_DIR" -maxdepth 1 -type f -name "$BACKUP_PREFIX-*.dump" | sort -r)
  for dump in "${dumps[@]}"; do
    index=$((index + 1))
    [ "$index" -gt "$BACKUP_KEEP_MIN" ] || continue
    if [ "$(stat -c %Y "$dump")" -lt "$cutoff" ]; then
      rm -f -- "$dump" "$dump.sha256"
      log "pruned $(basename "$dump")"
    fi
  done
}

main() {
  if [ -n "${PGPASSWORD_FILE:-}" ]; then
    PGPASSWORD=$(cat "$PGPASSWORD_FILE")
    export PGPASSWORD
  fi
  local target=()
  if [ -n "${BACKUP_DATABASE_URL:-}" ]; then target=(--dbname "$BACKUP_DATABASE_URL"); fi

  mkdir -p "$BACKUP_DIR"
  local stamp name path started size duration
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  name="$BACKUP_PREFIX-$stamp.dump"
  path="$BACKUP_DIR/$name"
  PARTIAL="$BACKUP_DIR/.$name.partial"
  trap 'if [ -n "$PARTIAL" ]; then rm -f -- "$PARTIAL"; fi' EXIT
  started=$(date +%s)

  log "dumping to $name"
  if ! pg_dump --format=custom --compress=6 --file "$PARTIAL" "${target[@]}"; then
    log "pg_dump failed; no dump written"
    return 1
  fi
  # A dump that pg_restore cannot read is not a backup.
  if ! pg_restore --list "$PARTIAL" >/dev/null; then
    log "the dump is not a readable archive; discarded"
    return 1
  fi
  mv -f -- "$PARTIAL" "$path"
  PARTIAL=""
  (cd "$BACKUP_DIR" && sha256sum "$name" >"$name.sha256")
  size=$(stat -c %s "$path")
  duration=$(($(date +%s) - started))
  log "dump done: $name ($size bytes, ${duration}s)"

  write_metrics gpm_backup.prom \
    '# HELP gpm_backup_last_success_timestamp_seconds Unix time of the last successful database dump.' \
    '# TYPE gpm_backup_last_success_timestamp_seconds gauge' \
    "gpm_backup_last_success_timestamp_seconds $(date +%s)" \
    '# HELP gpm_backup_last_size_bytes Size of the last dump.' \
    '# TYPE gpm_backup_last_size_bytes gauge' \
    "gpm_backup_last_size_bytes $size" \
    '# HELP gpm_backup_last_duration_seconds Duration of the last dump.' \
    '# TYPE gpm_backup_last_duration_seconds gauge' \
    "gpm_backup_last_duration_seconds $duration"

  prune

  if [ -z "$BACKUP_OFFSITE_COMMAND" ]; then
    write_metrics gpm_backup_offsite.prom \
      '# HELP gpm_backup_offsite_enabled 1 when an off-host copy command is configured.' \
      '# TYPE gpm_backup_offsite_enabled gauge' \
      'gpm_backup_offsite_enabled 0'
    log "no BACKUP_OFFSITE_COMMAND: the dump stays on this host only"
    return 0
  fi
  log "off-host copy"
  if ! BACKUP_FILE=$path bash -c "$BACKUP_OFFSITE_COMMAND"; then
    log "the off-host copy of $name failed; the dump is kept here"
    return 2
  fi
  write_metrics gpm_backup_offsite.prom \
    '# HELP gpm_backup_offsite_enabled 1 when an off-host copy command is configured.' \
    '# TYPE gpm_backup_offsite_enabled gauge' \
    'gpm_backup_offsite_enabled 1' \
    '# HELP gpm_backup_offsite_last_success_timestamp_seconds Unix time of the last successful off-host copy.' \
    '# TYPE gpm_backup_offsite_last_success_timestamp_seconds gauge' \
    "gpm_backup_offsite_last_success_timestamp_seconds $(date +%s)"
  log "off-host copy done"
}

main "$@"
