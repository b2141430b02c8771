#!/usr/bin/env bash
# Entry point of the stack's backup container: runs backup.sh every day at
# BACKUP_AT (HH:MM, UTC), and once at start when BACKUP_DIR holds no dump yet,
# so a fresh server is covered from its first hour. A failed run is logged and
# shows in the metrics (the backup-age alert); the schedule goes on.
set -Eeuo pipefail

BACKUP_AT=${BACKUP_AT:-02:30}
BACKUP_DIR=${BACKUP_DIR:?BACKUP_DIR is required}
BACKUP_PREFIX=${BACKUP_PREFIX:-gpm}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf '%s schedule: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

# Seconds from now until the next BACKUP_AT, UTC (arithmetic only: busybox date
# has no relative dates).
seconds_until_next_run() {
  local hours minutes now target
  if ! [[ $BACKUP_AT =~ ^([01][0-9]|2[0-3]):([0-5][0-9])$ ]]; then
    log "BACKUP_AT must be HH:MM (UTC), got '$BACKUP_AT'"
    exit 1
  fi
  hours=$((10#${BASH_REMATCH[1]}))
  minutes=$((10#${BASH_REMATCH[2]}))
  now=$(date -u +%s)
  target=$((now - now % 86400 + hours * 3600 + minutes * 60))
  if [ "$target" -le "$now" ]; then target=$((target + 86400)); fi
  echo $((target - now))
}

run_backup() {
  local status=0
  "$HERE/backup.sh" || status=$?
  case $status in
    0) ;;
    2) log "backup kept locally, off-host copy failed (exit 2)" ;;
    *) log "backup failed (exit $status)" ;;
  esac
}

# `sleep & wait` so that docker stop's SIGTERM ends the container at once.
trap 'log "stopping"; exit 0' TERM INT

if ! find "$BACKUP_DIR" -maxdepth 1 -name "$BACKUP_PREFIX-*.dump" -print -quit 2>/dev/null | grep -q .; then
  log "no dump in $BACKUP_DIR yet: backing up now"
  run_backup
fi
while true; do
  delay=$(seconds_until_next_run)
  log "next backup in ${delay}s (daily at $BACKUP_AT UTC)"
  sleep "$delay" &
  wait $!
  run_backup
done
