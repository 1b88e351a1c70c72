# OneWindow: build in the SDK image, run in the ASP.NET runtime image as a non-root user.
# Run with a read-only root file system (docker run --read-only / compose read_only: true): the only writable places
# are the mounted ./data volume (SQLite file, uploaded files, notification log) and a tmpfs at /tmp.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build fetches the browser assets with npm (package-lock.json pins them): Node comes from Debian, as on a developer's machine.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/OneWindow/OneWindow.csproj src/OneWindow/
RUN dotnet restore src/OneWindow/OneWindow.csproj
COPY src/OneWindow/ src/OneWindow/
RUN dotnet publish src/OneWindow/OneWindow.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's own non-root user (uid 1654); the data folder is the one place it writes.
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ConnectionStrings__Default="Data Source=/app/data/onewindow.db"
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["dotnet", "OneWindow.dll", "probe", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "OneWindow.dll"]
