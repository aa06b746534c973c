# One image for api, worker, sim and the CLI; docker-compose picks the process with `command`.
# Every workspace's package.json is copied before `npm install` (libs/runtime/test/deploy-files.spec.ts checks).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/sim/package.json apps/sim/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY libs/contracts/package.json libs/contracts/
COPY libs/classifier/package.json libs/classifier/
COPY libs/config/package.json libs/config/
COPY libs/db/package.json libs/db/
COPY libs/queue/package.json libs/queue/
COPY libs/connectors/package.json libs/connectors/
COPY libs/runtime/package.json libs/runtime/
COPY libs/testing/package.json libs/testing/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# In a container the api must accept connections from outside it (the default is 127.0.0.1).
ENV API_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000 4000
# The api's V8 flags: libs/runtime/src/node-flags.ts (README, "Memory of the api").
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=4", "apps/api/dist/main.js"]
