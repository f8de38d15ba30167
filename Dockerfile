# syntax=docker/dockerfile:1
# Marketdesk's production images: one Dockerfile, one target per kind of process.
#
#   target        runs                                        port   health
#   api           node apps/api/dist/main.js                  3000   GET /readyz
#   worker        node apps/api/dist/worker.js                9464   GET /healthz (its metrics server)
#   console       node apps/console/dist/prod-server.js       3000   GET /
#   storefront    node apps/storefront/dist/prod-server.js    3000   GET /
#   stripe-local  node packages/stripe-local/dist/cli.js      12111  GET /_test/health (offline payments)
#   proxy         haproxy -f deploy/haproxy/haproxy.cfg       8080 console, 8081 storefront,
#                                                             8090 API (internal), 8404 health
#
# One file because the apps are one npm workspace: the workspace packages (@marketdesk/domain,
# @marketdesk/db, @marketdesk/ui) are compiled into each program, so every image comes out of the
# same `npm ci` + `npm run build` (the `build` stage, run once however many targets are built) and
# the same production `node_modules` (the `prod-deps` stage, one layer shared by the Node images).
# docker-compose.yml builds every target. Node's version is .nvmrc's (a test checks the tags).

FROM node:24.21.0-bookworm-slim AS node-base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# ── The lock and every workspace's package.json, alone: the npm ci layers below stay cached until
#    a dependency changes. (A new workspace needs its line here; the static test checks.)
FROM node-base AS manifests
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/console/package.json apps/console/
COPY apps/storefront/package.json apps/storefront/
COPY db/package.json db/
COPY packages/domain/package.json packages/domain/
COPY packages/stripe-local/package.json packages/stripe-local/
COPY packages/ui/package.json packages/ui/
COPY tests/package.json tests/

# ── Everything installed (build tools are devDependencies), everything built: `npm run build`
#    (turbo) writes each app's dist/.
FROM manifests AS build
ENV TURBO_TELEMETRY_DISABLED=1
RUN npm ci
COPY . .
RUN npm run build

# ── What the programs import at run time: npm packages stay outside the compiled bundles (native
#    addons, OpenTelemetry's instrumentations). No devDependencies, so no `node` package either: the
#    image's own Node runs everything.
FROM manifests AS prod-deps
RUN npm ci --omit=dev && npm cache clean --force

# ── What every Node image shares: production mode, the probe, the non-root user.
FROM node-base AS program
ENV NODE_ENV=production
COPY deploy/healthcheck.mjs deploy/healthcheck.mjs
# Files the processes write (uploads and mail without S3/SMTP): volumes in docker-compose.yml.
RUN mkdir -p /data/uploads /data/mail && chown -R node:node /data
# The code stays owned by root: the `node` user (uid 1000) can read it, not change it.
USER node
# ▶ Node's flags for every Marketdesk process in these images — THE one place to change them (e.g.
#   to add OpenTelemetry's `--import` hook). Each target's CMD names only its program file.
ENTRYPOINT ["node", "--enable-source-maps"]

FROM program AS runtime
COPY --from=prod-deps /app ./

FROM runtime AS api
COPY --from=build /app/apps/api/dist apps/api/dist
ENV HOST=0.0.0.0 PORT=3000 UPLOAD_DIR=/data/uploads MAIL_DIR=/data/mail
EXPOSE 3000
# Ready: PostgreSQL and Redis answer and start-up work (migrations, the demo seed) is done.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["node", "deploy/healthcheck.mjs", "PORT", "/readyz"]
CMD ["apps/api/dist/main.js"]

FROM runtime AS worker
COPY --from=build /app/apps/api/dist apps/api/dist
# The worker's own small HTTP server: /healthz for this check, /metrics for Prometheus.
ENV HOST=0.0.0.0 WORKER_METRICS_PORT=9464 UPLOAD_DIR=/data/uploads MAIL_DIR=/data/mail
EXPOSE 9464
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.mjs", "WORKER_METRICS_PORT", "/healthz"]
CMD ["apps/api/dist/worker.js"]

FROM runtime AS console
COPY --from=build /app/apps/console/dist apps/console/dist
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "deploy/healthcheck.mjs", "PORT", "/healthz"]
CMD ["apps/console/dist/prod-server.js"]

FROM runtime AS storefront
COPY --from=build /app/apps/storefront/dist apps/storefront/dist
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "deploy/healthcheck.mjs", "PORT", "/healthz"]
CMD ["apps/storefront/dist/prod-server.js"]

# The Stripe-compatible test server (packages/stripe-local): payments without a Stripe account, for
# demos and staging. Plain Node, no dependencies.
FROM program AS stripe-local
COPY --from=build /app/packages/stripe-local/dist packages/stripe-local/dist
ENV STRIPE_SERVER_HOST=0.0.0.0 STRIPE_SERVER_PORT=12111
EXPOSE 12111
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "deploy/healthcheck.mjs", "STRIPE_SERVER_PORT", "/_test/health"]
CMD ["packages/stripe-local/dist/cli.js"]

# ── The reverse proxy: Debian bookworm's HAProxy 2.6 — the same package `.ci/run` installs and the
#    scale-out test runs this configuration with. Runs as Debian's `haproxy` user.
FROM debian:bookworm-slim AS proxy
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends 'haproxy=2.6.*' \
  && rm -rf /var/lib/apt/lists/*
COPY deploy/haproxy/haproxy.cfg /etc/haproxy/haproxy.cfg
# The listeners (haproxy.cfg's *_BIND); the servers' addresses (*_ADDR) come from docker-compose.yml.
ENV CONSOLE_BIND=:8080 STOREFRONT_BIND=:8081 API_INTERNAL_BIND=:8090 HEALTH_BIND=:8404
USER haproxy
EXPOSE 8080 8081 8090
# No curl in slim images: bash's /dev/tcp asks the health listener (HEALTH_BIND) for its 200.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8404 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# -W: master-worker (a SIGUSR2 reloads the configuration), -db: foreground, logs on stdout.
CMD ["haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
