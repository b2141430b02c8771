#!/usr/bin/env bash
# Zero-downtime deployment of the GPM site on one server (blue/green).
#
# usage: deploy.sh <command> <env> [args]
#   infra    <env> [studio-image]   start or refresh the shared services (Traefik,
#                                   nginx, PostgreSQL, backups, monitoring, Studio)
#   migrate  <env> <migrate-image>  run the release's database migrations
#   rollout  <env> <image>          start <image> beside the live release, wait
#                                   until it is ready, switch Traefik, stop the old
#   release  <env> <image> <migrate-image> [studio-image]
#                                   infra, then migrate, then rollout (what CI runs)
#   rollback <env>                  roll the previous release out again
#   status   <env>                  print the active and previous releases
#
# <env> is dev, test or prod. The two releases are two compose projects,
# gpm-<env>-blue and gpm-<env>-green (docker/compose.app.yml). Traffic goes
# Traefik -> nginx -> Traefik's internal "app" entrypoint -> the service "app"
# defined in $GPM_HOME/state/traefik/app.yml; switching a release is an atomic
# rewrite of that file, which Traefik watches. The old release is stopped only
# once the edge answers with the new release's X-GPM-Release header; if the new
# release never becomes ready, or the switch is not seen, the new containers
# are removed and the old release keeps serving. Migrations run before the new
# release starts and must stay compatible with the release still serving
# (docs/runbook.md, "Migrations").
#
# Logs go to stderr; `rollout` prints `result=live|skipped` and `release=<name>`
# on stdout for the caller (.github/workflows/deploy-environment.yml).
#
# Environment (defaults in brackets):
#   GPM_HOME [/srv/gpm]              server directory: .env, state/, backups/
#   GPM_ENV_FILE [$GPM_HOME/.env]    the stack's variables and secrets (docker/<env>/.env.example)
#   DEPLOY_WEBHOOK_URL               chat webhook for success/failure (else read from the env file)
#   REVISION                         git commit of the image being rolled out (recorded in the state)
#   REQUIRE_ACTIVE_REVISION          roll out only if the live release is this commit, else skip
#                                    (a content refresh must not undo a newer code release)
#   LOCK_WAIT [900]                  seconds to wait for another deployment to finish
#   HEALTH_TIMEOUT [180]             seconds for the new containers to become ready (/readyz)
#   SWITCH_ATTEMPTS [15], POLL_INTERVAL [2]
#                                    how long to wait for the edge to serve the new release
#   DRAIN_SECONDS [15]               grace for in-flight requests before the old release stops
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
GPM_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
readonly GPM_ROOT
GPM_HOME=${GPM_HOME:-/srv/gpm}
ENV_FILE=${GPM_ENV_FILE:-$GPM_HOME/.env}
STATE_DIR=$GPM_HOME/state
TRAEFIK_DIR=$STATE_DIR/traefik
STATE_FILE=$STATE_DIR/release.env
LOCK_DIR=$STATE_DIR/deploy.lock
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-180}
SWITCH_ATTEMPTS=${SWITCH_ATTEMPTS:-15}
POLL_INTERVAL=${POLL_INTERVAL:-2}
DRAIN_SECONDS=${DRAIN_SECONDS:-15}
LOCK_WAIT=${LOCK_WAIT:-900}
REVISION=${REVISION:-}
REQUIRE_ACTIVE_REVISION=${REQUIRE_ACTIVE_REVISION:-}

ENVIRONMENT=""
SITE_HOST=""
LOCKED=0
# Set while app.yml points at a release that is not confirmed yet, so an
# interruption puts the previous file back.
SWITCH_BACKUP=""

log() { printf '%s deploy[%s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${ENVIRONMENT:-?}" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

usage() {
  sed -n '2,/^set -Eeuo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Last KEY=value of the env file, without surrounding quotes. The file is
# read, never sourced: it holds secrets and compose-style values.
env_value() {
  local key=$1 line
  line=$(grep -E "^${key}=" "$ENV_FILE" | tail -n 1 || true)
  line=${line#*=}
  line=${line%\"}
  line=${line#\"}
  line=${line%\'}
  line=${line#\'}
  printf '%s' "$line"
}

state_value() {
  local key=$1 line
  [ -f "$STATE_FILE" ] || return 0
  line=$(grep -E "^${key}=" "$STATE_FILE" | tail -n 1 || true)
  printf '%s' "${line#*=}"
}

# Writes KEY=value lines atomically (same directory, then rename).
write_state() {
  local tmp
  tmp=$(mktemp "$STATE_DIR/.release.env.XXXXXX")
  printf '%s\n' "$@" >"$tmp"
  mv -f "$tmp" "$STATE_FILE"
}

json_escape() {
  local text=$1
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/\\n}
  text=${text//$'\r'/}
  text=${text//$'\t'/ }
  printf '%s' "$text"
}

# Chat notification (Slack-compatible {"text": ...}; Mattermost, Rocket.Chat
# and Google Chat accept it too). A notification that fails is logged and does
# not change the deployment's outcome.
notify() {
  local status=$1 message=$2 url payload icon
  url=${DEPLOY_WEBHOOK_URL:-$(env_value DEPLOY_WEBHOOK_URL)}
  if [ -z "$url" ]; then
    log "no DEPLOY_WEBHOOK_URL: notification not sent ($status)"
    return 0
  fi
  if [ "$status" = success ]; then icon="✅"; else icon="❌"; fi
  payload=$(printf '{"text":"%s","environment":"%s","status":"%s","host":"%s"}' \
    "$(json_escape "$icon GPM $ENVIRONMENT ($SITE_HOST): $message")" \
    "$ENVIRONMENT" "$status" "$(json_escape "$SITE_HOST")")
  if ! curl --fail --silent --show-error --max-time 10 \
    --header 'Content-Type: application/json' --data "$payload" "$url" >/dev/null; then
    log "warning: the $status notification could not be delivered"
  fi
}

fail() {
  local message=$1
  log "FAILED: $message"
  notify failure "$message"
  exit 1
}

# --- docker compose projects -------------------------------------------------

infra_files() {
  local files=(-f "$GPM_ROOT/docker/compose.base.yml" -f "$GPM_ROOT/docker/compose.monitoring.yml"
    -f "$GPM_ROOT/docker/$ENVIRONMENT/compose.yml")
  if [ -n "${STUDIO_IMAGE:-}" ]; then files+=(-f "$GPM_ROOT/docker/compose.studio.yml"); fi
  printf '%s\n' "${files[@]}"
}

compose_infra() {
  local files
  mapfile -t files < <(infra_files)
  docker compose --project-name "gpm-$ENVIRONMENT" --env-file "$ENV_FILE" "${files[@]}" "$@"
}

# compose_app <color> <image> <compose args...>: one release's project. The
# image and color are always given because compose interpolates the whole file
# for every command, `stop` and `ps` included.
compose_app() {
  local color=$1 image=$2
  shift 2
  APP_COLOR=$color APP_IMAGE=$image APP_RELEASE=$(release_name "$color" "$image") \
    docker compose --project-name "gpm-$ENVIRONMENT-$color" --env-file "$ENV_FILE" \
    -f "$GPM_ROOT/docker/compose.app.yml" -f "$GPM_ROOT/docker/$ENVIRONMENT/compose.app.yml" "$@"
}

compose_migrate() {
  local image=$1
  shift
  MIGRATE_IMAGE=$image docker compose --project-name "gpm-$ENVIRONMENT-migrate" --env-file "$ENV_FILE" \
    -f "$GPM_ROOT/docker/compose.migrate.yml" "$@"
}

# blue-sha-1a2b3c4 for ghcr.io/org/gpm-site:sha-1a2b3c4 (digest references keep 12 hex digits).
release_name() {
  local color=$1 image=$2 ref
  case $image in
    *@sha256:*) ref=${image##*@sha256:} && ref=${ref:0:12} ;;
    *:*) ref=${image##*:} ;;
    *) ref=latest ;;
  esac
  case $ref in */*) ref=latest ;; esac
  printf '%s-%s' "$color" "$ref"
}

pull_image() {
  local image=$1
  if docker pull --quiet "$image" >/dev/null; then return 0; fi
  # A rollback must work while the registry is down: the image is still here.
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "warning: pull of $image failed, using the local copy"
    return 0
  fi
  return 1
}

# --- Traefik ------------------------------------------------------------------

# Shared middlewares, services, the internal routers and this environment's
# host rules, copied into the directory Traefik watches.
sync_traefik_config() {
  local name src tmp
  mkdir -p "$TRAEFIK_DIR"
  for name in middlewares services internal "routers.$ENVIRONMENT"; do
    src=$GPM_ROOT/traefik/dynamic/$name.yml
    [ -f "$src" ] || die "missing Traefik configuration $src"
    tmp=$(mktemp "$TRAEFIK_DIR/.sync.XXXXXX")
    cp "$src" "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$TRAEFIK_DIR/${name%".$ENVIRONMENT"}.yml"
  done
}

# The file provider's view of one release: its containers behind the service
# "app", and the header that lets anyone see which release answered.
render_app_config() {
  local release=$1 server
  shift
  cat <<EOF
# Written by scripts/deploy/deploy.sh: the active release of the GPM site.
# Do not edit: the next deployment or rollback rewrites this file.
# release: $release
http:
  middlewares:
    release-header:
      headers:
        customResponseHeaders:
          X-GPM-Release: "$release"
  services:
    app:
      loadBalancer:
        passHostHeader: true
        healthCheck:
          path: /healthz
          interval: 5s
          timeout: 2s
        servers:
EOF
  for server in "$@"; do
    printf '          - url: "http://%s:3000"\n' "$server"
  done
}

# Release name the edge answers with, through the whole chain (Traefik, nginx,
# Traefik's app entrypoint), asked on the loopback with the site's host name.
# --insecure: this checks routing, not the certificate (monitored separately),
# and must also work before the first certificate is issued.
edge_release() {
  curl --silent --show-error --insecure --max-time 5 --output /dev/null --dump-header - \
    --resolve "$SITE_HOST:443:127.0.0.1" "https://$SITE_HOST/healthz" 2>/dev/null |
    tr -d '\r' | awk -F': *' 'tolower($1) == "x-gpm-release" { print $2 }' | tail -n 1
}

wait_for_edge() {
  local release=$1 attempt seen=""
  for ((attempt = 1; attempt <= SWITCH_ATTEMPTS; attempt++)); do
    seen=$(edge_release || true)
    if [ "$seen" = "$release" ]; then return 0; fi
    sleep "$POLL_INTERVAL"
  done
  log "the edge still answers with release '${seen:-none}' instead of '$release'"
  return 1
}

restore_switch() {
  [ -n "$SWITCH_BACKUP" ] || return 0
  if [ "$SWITCH_BACKUP" = none ]; then
    rm -f "$TRAEFIK_DIR/app.yml"
  else
    mv -f "$SWITCH_BACKUP" "$TRAEFIK_DIR/app.yml"
  fi
  SWITCH_BACKUP=""
  log "Traefik points at the previous release again"
}

# --- locking and interruption ------------------------------------------------

# One deployment at a time per server: code and content deployments of an
# environment may be started together by CI; the second waits here.
acquire_lock() {
  local waited=0
  mkdir -p "$STATE_DIR"
  until mkdir "$LOCK_DIR" 2>/dev/null; do
    if [ "$waited" -ge "$LOCK_WAIT" ]; then
      die "another deployment holds $LOCK_DIR (remove it only if no deploy.sh is running)"
    fi
    [ "$waited" -gt 0 ] || log "waiting for the deployment in progress"
    sleep 5
    waited=$((waited + 5))
  done
  LOCKED=1
}

on_exit() {
  if [ "$LOCKED" = 1 ]; then rmdir "$LOCK_DIR" 2>/dev/null || true; fi
}

on_interrupt() {
  log "interrupted"
  restore_switch
  exit 130
}

# --- commands -------------------------------------------------------------------

cmd_infra() {
  if [ -n "${1:-}" ]; then
    STUDIO_IMAGE=$1
  else
    STUDIO_IMAGE=$(state_value STUDIO_IMAGE)
  fi
  export STUDIO_IMAGE
  mkdir -p "$GPM_HOME/backups"
  sync_traefik_config
  log "starting the shared services"
  if ! compose_infra up --detach --build --remove-orphans --wait --wait-timeout "$HEALTH_TIMEOUT"; then
    fail "the shared services (Traefik, nginx, PostgreSQL, ...) did not become healthy"
  fi
  if [ -n "$STUDIO_IMAGE" ]; then
    write_state_keeping STUDIO_IMAGE "$STUDIO_IMAGE"
  fi
}

# Rewrites one key of the state file, keeping the others.
write_state_keeping() {
  local key=$1 value=$2 lines=()
  if [ -f "$STATE_FILE" ]; then
    mapfile -t lines < <(grep -vE "^${key}=" "$STATE_FILE" || true)
  fi
  write_state "${lines[@]}" "$key=$value"
}

cmd_migrate() {
  local image=${1:?migrate needs the migration image}
  log "migrations with $image"
  pull_image "$image" || fail "cannot pull the migration image $image; nothing was rolled out"
  if ! compose_migrate "$image" run --rm migrate; then
    fail "database migrations failed with $image; nothing was rolled out, the current release keeps serving"
  fi
  log "migrations done"
}

cmd_rollout() {
  local image=${1:?rollout needs the image}
  local active active_image new release servers=()

  active=$(state_value ACTIVE_COLOR)
  active_image=$(state_value ACTIVE_IMAGE)
  if [ -n "$REQUIRE_ACTIVE_REVISION" ] && [ "$(state_value ACTIVE_REVISION)" != "$REQUIRE_ACTIVE_REVISION" ]; then
    log "skipped: the live release is revision '$(state_value ACTIVE_REVISION)', not $REQUIRE_ACTIVE_REVISION (a newer release already carries the content)"
    printf 'result=skipped\nrelease=%s\n' "$(state_value ACTIVE_RELEASE)"
    return 0
  fi
  if [ "$active" = blue ]; then new=green; else new=blue; fi
  release=$(release_name "$new" "$image")
  # Rolling a known image out again (new settings, rotated secret) keeps its revision.
  if [ -z "$REVISION" ]; then
    if [ "$image" = "$active_image" ]; then
      REVISION=$(state_value ACTIVE_REVISION)
    elif [ "$image" = "$(state_value PREVIOUS_IMAGE)" ]; then
      REVISION=$(state_value PREVIOUS_REVISION)
    fi
  fi
  log "rolling out $image as $release (live: $(state_value ACTIVE_RELEASE || true))"

  pull_image "$image" || fail "cannot pull $image; the current release keeps serving"

  # Compose starts, recreates or scales this color's containers to the new
  # image; they take no traffic until app.yml names them.
  if ! compose_app "$new" "$image" up --detach --remove-orphans --wait --wait-timeout "$HEALTH_TIMEOUT"; then
    compose_app "$new" "$image" logs --no-color --tail 80 app >&2 || true
    compose_app "$new" "$image" down --timeout 10 || true
    fail "release $release did not become ready (/readyz) within ${HEALTH_TIMEOUT}s; traffic never moved to it, the current release keeps serving"
  fi
  mapfile -t servers < <(compose_app "$new" "$image" ps --format '{{.Name}}' app)
  if [ "${#servers[@]}" -eq 0 ]; then
    compose_app "$new" "$image" down --timeout 10 || true
    fail "release $release has no running container; the current release keeps serving"
  fi

  # Switch: remember the current file, write the new one atomically.
  mkdir -p "$TRAEFIK_DIR"
  if [ -f "$TRAEFIK_DIR/app.yml" ]; then
    SWITCH_BACKUP=$TRAEFIK_DIR/app.yml.previous
    cp -p "$TRAEFIK_DIR/app.yml" "$SWITCH_BACKUP"
  else
    SWITCH_BACKUP=none
  fi
  local tmp
  tmp=$(mktemp "$TRAEFIK_DIR/.app.XXXXXX")
  render_app_config "$release" "${servers[@]}" >"$tmp"
  chmod 0644 "$tmp"
  mv -f "$tmp" "$TRAEFIK_DIR/app.yml"
  log "Traefik switched to $release (${#servers[@]} container(s)); waiting for the edge"

  if ! wait_for_edge "$release"; then
    restore_switch
    compose_app "$new" "$image" down --timeout 10 || true
    fail "the edge did not serve $release after the switch; switched back, the previous release keeps serving"
  fi
  SWITCH_BACKUP=""

  write_state \
    "ACTIVE_COLOR=$new" "ACTIVE_IMAGE=$image" "ACTIVE_RELEASE=$release" "ACTIVE_REVISION=$REVISION" \
    "PREVIOUS_COLOR=$active" "PREVIOUS_IMAGE=$active_image" \
    "PREVIOUS_RELEASE=$(state_value ACTIVE_RELEASE)" "PREVIOUS_REVISION=$(state_value ACTIVE_REVISION)" \
    "STUDIO_IMAGE=$(state_value STUDIO_IMAGE)" \
    "DEPLOYED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)"

  # The old release is kept (stopped, not removed) for a quick rollback.
  if [ -n "$active" ]; then
    sleep "$DRAIN_SECONDS"
    if ! compose_app "$active" "$active_image" stop --timeout 30; then
      log "warning: could not stop the previous release ($active); it takes no traffic"
    fi
  fi
  notify success "release $release is live ($image)"
  log "release $release is live"
  printf 'result=live\nrelease=%s\n' "$release"
}

cmd_release() {
  local image=${1:?release needs the image} migrate_image=${2:?release needs the migration image}
  cmd_infra "${3:-}"
  cmd_migrate "$migrate_image"
  cmd_rollout "$image"
}

cmd_rollback() {
  local previous
  previous=$(state_value PREVIOUS_IMAGE)
  [ -n "$previous" ] || fail "rollback: no previous release is recorded in $STATE_FILE"
  log "rolling back to $previous"
  REVISION=""
  REQUIRE_ACTIVE_REVISION=""
  cmd_rollout "$previous"
}

cmd_status() {
  [ -f "$STATE_FILE" ] || {
    echo "no release deployed yet"
    return 0
  }
  cat "$STATE_FILE"
  printf 'EDGE_RELEASE=%s\n' "$(edge_release || true)"
}

main() {
  [ $# -ge 2 ] || usage
  local command=$1
  ENVIRONMENT=$2
  shift 2
  case $ENVIRONMENT in dev | test | prod) ;; *) die "unknown environment '$ENVIRONMENT' (dev, test or prod)" ;; esac
  [ -f "$ENV_FILE" ] || die "missing $ENV_FILE (copy docker/$ENVIRONMENT/.env.example and fill it in)"
  local file_env
  file_env=$(env_value GPM_ENV)
  [ "$file_env" = "$ENVIRONMENT" ] || die "$ENV_FILE is for '${file_env:-?}', not '$ENVIRONMENT'"
  SITE_HOST=$(env_value SITE_HOST)
  [ -n "$SITE_HOST" ] || die "SITE_HOST is not set in $ENV_FILE"
  export GPM_HOME GPM_ENV=$ENVIRONMENT

  trap on_exit EXIT
  trap on_interrupt INT TERM HUP
  case $command in
    status)
      cmd_status
      return
      ;;
    infra | migrate | rollout | release | rollback) acquire_lock ;;
    *) usage ;;
  esac
  "cmd_$command" "$@"
}

main "$@"
