# Build and run WGEC.Drafting. The container expects a PostgreSQL to connect to:
#   docker run -p 8080:8080 -e ConnectionStrings__Drafting="Host=db;Username=...;Password=...;Database=drafting" wgec-drafting
# (The embedded default, a private cluster, is for a developer's machine, not for containers.)

# The web client: TypeScript built by Vite into server/wwwroot.
FROM node:20-bookworm-slim AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY server/ server/
COPY --from=client /src/server/wwwroot server/wwwroot
# The client is already built (above); the SDK image has no Node.js.
RUN dotnet publish server/WGEC.Drafting.Server.csproj -c Release -o /app -p:BuildClient=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "WGEC.Drafting.Server.dll"]
