# syntax=docker/dockerfile:1
#
# One image for every app of the media platform. The app is chosen at run time:
#   docker run -e APP=files …                     -> node apps/files/dist/main.js
#   docker run … node apps/files/dist/migrate.js   -> that app's database migrations (not gateway)
#
# Stages: base (node + pnpm) -> manifests (package.json files only, for layer caching)
#         -> deps (all deps) -> build (tsc -b) ; prod-deps (production deps only) -> runtime.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# corepack is not usable here; install pnpm 10 (the lockfile's major) with npm instead, and keep
# pnpm from trying to download the exact `packageManager` version on its own.
ARG PNPM_VERSION=10
RUN npm install -g --no-update-notifier "pnpm@${PNPM_VERSION}"
ENV CI=true \
    npm_config_manage_package_manager_versions=false
RUN pnpm --version
WORKDIR /app

# --- only the workspace manifests: the dependency layers below are reused until one of them changes
FROM base AS manifests
WORKDIR /src
COPY . .
RUN set -e; mkdir -p /manifests; \
    cp package.json pnpm-lock.yaml pnpm-workspace.yaml /manifests/; \
    for f in apps/*/package.json libs/*/package.json; do cp --parents "$f" /manifests/; done; \
    for f in .npmrc .pnpmfile.cjs patches; do if [ -e "$f" ]; then cp -R "$f" /manifests/; fi; done

# --- every dependency (dev included) for the build
FROM base AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,id=media-platform-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store

# --- compile every app and lib (tsc -b tsconfig.build.json -> apps/*/dist, libs/*/dist)
FROM deps AS build
COPY . .
RUN pnpm build
# Keep only what runs: each workspace package's manifest and compiled output, and the customer
# portal's static files (apps/portal/dist, served by the gateway). Libs tagged
# scope:dev (the embedded S3 server, test support) are for `pnpm start` and tests: no app needs them.
RUN set -e; mkdir -p /artifacts; \
    for d in apps/* libs/*; do \
      [ -f "$d/package.json" ] || continue; \
      if grep -qs '"scope:dev"' "$d/project.json"; then continue; fi; \
      cp --parents "$d/package.json" /artifacts/; \
      if [ -d "$d/dist" ]; then cp -R --parents "$d/dist" /artifacts/; fi; \
    done; \
    for d in apps/*; do \
      [ -f "$d/src/main.ts" ] || continue; \
      [ -f "$d/dist/main.js" ] || { echo "build produced no $d/dist/main.js" >&2; exit 1; }; \
    done; \
    [ -f apps/portal/dist/index.html ] || { echo "build produced no apps/portal/dist/index.html" >&2; exit 1; }; \
    cp -R --parents apps/portal/dist /artifacts/; \
    find /artifacts -name '*.tsbuildinfo' -delete

# --- production dependencies only (the pruned node_modules of the runtime image)
FROM base AS prod-deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,id=media-platform-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --store-dir /pnpm/store

# --- runtime: node, production node_modules and compiled code; no pnpm, no sources, no dev deps
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    APP=gateway
WORKDIR /app
# Files stay root-owned (read-only for the app); the process runs as the image's `node` user.
COPY --from=prod-deps /app/ ./
COPY --from=build /artifacts/ ./
USER 1000:1000
# gateway serves on PORT 8080; the other apps serve /health and /metrics on HTTP_PORT 8081-8087.
EXPOSE 8080 8081 8082 8083 8084 8085 8086 8087
STOPSIGNAL SIGTERM
CMD ["sh","-c","exec node apps/$APP/dist/main.js"]
