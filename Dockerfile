# One image for every Lattice app; docker-compose picks the app with APP.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# tools/build.mjs also builds the web app (vite, a dev dependency) into dist/apps/web, which the
# gateway serves at / (WEB_ROOT); it travels with dist below.
RUN node tools/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system lattice && useradd --system --gid lattice --home /app lattice
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/gateway/supergraph.graphql ./apps/gateway/supergraph.graphql
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/data ./data
USER lattice
# APP is one of: gateway identity marketplace credentials notifications evidence worker
ENV APP=gateway
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/$APP/src/main.js"]
