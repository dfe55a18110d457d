# who-owns: one image, three commands — `serve` (Slack + Jira webhooks), `work` (queue workers),
# `start` (both in one process; the default, for small teams).

# 1. Build: compile TypeScript to dist/ with the full dependency set.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY config ./config
COPY src ./src
COPY workers ./workers
COPY samples ./samples
RUN npm run build

# 2. Production dependencies only.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 3. Runtime: compiled code, production dependencies, non-root user.
FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3000 \
    WHO_OWNS_CONFIG=/app/config/who-owns.yaml
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config/who-owns.example.yaml ./config/who-owns.example.yaml
COPY samples ./samples
# The `node` user (uid 1000) ships with the image; nothing here needs root.
USER node
EXPOSE 3000
# slim images have no curl: Node's fetch checks liveness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/src/runtime/main.js"]
CMD ["start"]
