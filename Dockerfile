# Build and run WGEC.Drafting. The container expects a PostgreSQL to connect to:
#   docker build -t wgec-drafting .
#   docker run -p 8080:8080 -e ConnectionStrings__Drafting="Host=db;Username=...;Password=...;Database=drafting" wgec-drafting
# (The embedded default, a private cluster, is for a developer's machine, not for containers.)
# Several nodes: set Drafting__Redis on each (see the README, Deployment).

# The web client: TypeScript built by Vite into ../server/wwwroot (client/vite.config.ts).
FROM node:20-bookworm-slim AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

# The server, published with the client built above (the SDK image has no Node.js).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY server/ server/
COPY --from=client /src/server/wwwroot server/wwwroot
RUN dotnet publish server/WGEC.Drafting.Server.csproj -c Release -o /app -p:BuildClient=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl, for the health check only: the runtime image has neither curl nor wget.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's own default, stated here because the health check below probes this port.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# Non-root: the "app" user of the .NET images.
USER $APP_UID
# /health is 200 when the server, its database (and Redis, when set) answer, 503 otherwise.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --max-time 4 --output /dev/null http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "WGEC.Drafting.Server.dll"]
