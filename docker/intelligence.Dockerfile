# syntax=docker/dockerfile:1.7
# Meridian intelligence: Redis-transport service and BullMQ workers; HTTP :8000 only for probes and /metrics.
# Build from the repository root (the context must be the whole monorepo):
#   docker build -f docker/intelligence.Dockerfile -t meridian/intelligence:dev .
#
# The deps and build stages are the same, line for line, in all four Dockerfiles, so BuildKit
# builds them once and every image reuses the cached layers; only the runtime stage differs.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: production node_modules only (what the runtime stage ships) -----------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- build: full install (SWC, Vite, Nx) and `npm run build` into dist/ ------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build

# ---- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node (which shuts the service down gracefully) and reaps
# zombies; node itself as PID 1 would ignore any signal the app has no handler for.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
# A fixed numeric uid/gid, so Kubernetes can verify runAsNonRoot without a runAsUser.
RUN groupadd --system --gid 10001 meridian \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin meridian
WORKDIR /app
# The code stays root-owned and read-only to the service; only DATA_DIR is writable (PGlite uses it
# when DATABASE_URL is unset, i.e. `docker run` on a laptop; compose and Kubernetes set DATABASE_URL).
ENV NODE_ENV=production \
    PORT=8000 \
    DATA_DIR=/app/.data
RUN mkdir -p /app/.data && chown 10001:10001 /app/.data
COPY --from=deps /app/node_modules ./node_modules
# dist/package.json (written by the build) is how the services find the platform version.
COPY --from=build /app/dist/package.json ./dist/package.json
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/apps/intelligence ./dist/apps/intelligence
COPY docker/healthcheck.cjs ./healthcheck.cjs

USER 10001:10001
EXPOSE 8000
# Readiness, not liveness: "healthy" then means able to serve, which is what compose's
# depends_on: service_healthy waits for. start-period covers migrations on first boot.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "healthcheck.cjs", "/health/ready"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/intelligence/src/main.js"]
