# Build and run WGEC.Drafting. The container expects a PostgreSQL to connect to:
#   docker run -p 8080:8080 -e ConnectionStrings__Drafting="Host=db;Username=...;Password=...;Database=drafting" wgec-drafting
# (The embedded default, a private cluster, is for a developer's machine, not for containers.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY server/ server/
RUN dotnet publish server/WGEC.Drafting.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "WGEC.Drafting.Server.dll"]
