#!/usr/bin/env bash
# OneWindow: every test, from a clean machine.
#  1. installs what is missing (PostgreSQL, Chromium, CJK fonts, Node/npm, nginx) from Debian's packages;
#  2. starts a throwaway PostgreSQL on a free loopback port (stopped and deleted on exit);
#  3. builds once and runs every test project: unit + HTTP integration on SQLite and PostgreSQL,
#     browser tests (Playwright driving Debian's Chromium against a real Kestrel port);
#  4. ends with the line "N passed, N failed" counted over all projects; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONFIGURATION=${CONFIGURATION:-Debug}

say() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- 1. what the tests need ------------------------------------------------------------
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 2; }
need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v npm >/dev/null || need+=(nodejs npm)
command -v zbarimg >/dev/null || need+=(zbar-tools)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
{ command -v pdftotext >/dev/null && dpkg -s poppler-data >/dev/null 2>&1; } || need+=(poppler-utils poppler-data)
if [ ${#need[@]} -gt 0 ]; then
  say "installing: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. a throwaway PostgreSQL -----------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/onewindow-pg.XXXXXX)
PGPORT=""
for p in $(seq 55432 55632); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then PGPORT=$p; break; fi
done
[ -n "$PGPORT" ] || { echo "no free port for PostgreSQL" >&2; exit 2; }
pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGDIR"; fi
stop_pg() {
  pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
say "starting PostgreSQL ($("$PGBIN/postgres" --version)) on 127.0.0.1:$PGPORT"
pg_as "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300" -w start >/dev/null
export ONEWINDOW_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Maximum Pool Size=50"

# --- 3. build once, run every test project ------------------------------------------------
say "building"
dotnet build OneWindow.slnx -c "$CONFIGURATION" -nologo -v quiet
# The independent verifiers (cose-js, jose) the licence tests check signatures with, and Redocly CLI, pinned by their lock file.
say "installing the independent verifiers (tests/verifiers)"
npm ci --prefix tests/verifiers --no-audit --no-fund --loglevel=error

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  say "testing $name"
  # A test that hangs fails the run (and is named) after 10 minutes instead of taking CI's whole limit.
  dotnet test "$project" -c "$CONFIGURATION" --no-build -nologo \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" || status=1
done

# --- 4. one closing line over all projects ----------------------------------------------
passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
expected_projects=$(ls tests/*/*.csproj | wc -l)
found=$(ls "$RESULTS"/*.trx 2>/dev/null | wc -l)
if [ "$found" -lt "$expected_projects" ]; then status=1; failed=$((failed + expected_projects - found)); echo "a test project produced no results" >&2; fi
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
echo
echo "$passed passed, $failed failed"
exit $status
