# syntax=docker/dockerfile:1
#
# GPM site: one image for every environment. Nothing environment-specific is
# baked in: the server reads NUXT_* variables at run time (see .env.example).
#
#   docker build -t gpm-site .                      # runtime image (last stage)
#   docker build --target migrate -t gpm-site-migrate .
#
# Content routes are prerendered during the build, so the prerendered pages
# are a snapshot of the dataset the build saw: the embedded one in content/
# by default, or the Sanity project given as build arguments. A publish in
# Sanity triggers a rebuild (.github/workflows/deploy.yml, `sanity-publish`).

ARG NODE_IMAGE=node:22-alpine

# ---------------------------------------------------------------------------
# deps: node_modules from the lockfile only, so this layer is reused until
# package.json or package-lock.json change.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY studio/package.json studio/
# --ignore-scripts: the `node` devDependency (Node 22 for CI machines) runs a
#   preinstall that downloads the glibc build of Node, which cannot run on
#   Alpine (musl); with scripts on, npm would put it first on PATH for every
#   npm script and the root `postinstall` (nuxt prepare) would fail. The base
#   image already is Node 22, so that package is removed right after install.
#   The other install scripts are not needed here: esbuild and unrs-resolver
#   pick their binaries from optional packages, and `nuxt build` runs what
#   `nuxt prepare` would.
# --include=optional: sharp's native code comes from the optional packages
#   @img/sharp-linuxmusl-x64 and @img/sharp-libvips-linuxmusl-x64, which npm
#   selects from the lockfile by os/cpu/libc; an npm config that omits optional
#   dependencies would leave sharp without a binary. sharp 0.35 has no install
#   script and compiles nothing, so `npm rebuild sharp` would do nothing: the
#   last command proves instead that the musl binary loads, and fails the build
#   if it does not.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --include=optional --ignore-scripts --no-audit --no-fund \
    && rm -rf node_modules/node node_modules/.bin/node \
    && node -e "require('sharp')"

# ---------------------------------------------------------------------------
# build: the Nuxt production build (Nitro node-server in .output/).
FROM deps AS build
ENV NUXT_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1
COPY . .
# The dataset the prerender reads. Empty project id = the embedded dataset in
# content/. Public identifiers only: no token is needed to read published
# documents, and none may be passed here (build arguments stay in the image
# history).
ARG NUXT_PUBLIC_SANITY_PROJECT_ID=""
ARG NUXT_PUBLIC_SANITY_DATASET=production
RUN npm run build

# ---------------------------------------------------------------------------
# migrate: runs the database migrations of this release (supabase/migrations)
# against DATABASE_URL with the full toolchain, before the new app containers
# take traffic (scripts/deploy/deploy.sh migrate). `npm run db:migrate` is
# idempotent; any failure stops the deployment.
FROM build AS migrate
ENV NODE_ENV=production \
    npm_config_cache=/tmp/.npm \
    npm_config_update_notifier=false
USER node
CMD ["npm", "run", "--if-present", "db:migrate"]

# ---------------------------------------------------------------------------
# runtime: Node 22 on Alpine with only the server bundle and the embedded
# dataset (used when NUXT_PUBLIC_SANITY_PROJECT_ID is empty).
FROM ${NODE_IMAGE} AS runtime
ARG GIT_SHA=unknown
LABEL org.opencontainers.image.title="gpm-site" \
      org.opencontainers.image.description="GPM website (Nuxt 3, Nitro node-server)" \
      org.opencontainers.image.revision="${GIT_SHA}" \
      org.opencontainers.image.licenses="UNLICENSED"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NUXT_CONTENT_DIR=/app/content
WORKDIR /app
# Code and content stay owned by root, read-only for the server's user; only
# .data/ (Nitro's local storage, and PGlite when no DATABASE_URL is set) is
# writable.
COPY --from=build /app/.output ./.output
COPY --from=build /app/content ./content
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Liveness only: readiness (/readyz, content source reachable) is what the
# deployment waits for, in docker/compose.app.yml.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/healthz" || exit 1
CMD ["node", ".output/server/index.mjs"]
