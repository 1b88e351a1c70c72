#!/usr/bin/env bash
# Writes the served OpenAPI document to docs/api/openapi.json, the contract the generated client
# (src/OneWindow.Client, NSwag) is built from. Run it after changing an endpoint, then rebuild: the tests
# (GeneratedClientTests) fail while the served document and the committed one differ.
# Usage: scripts/openapi-snapshot.sh [output file, default docs/api/openapi.json]
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:-docs/api/openapi.json}
OUT=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$OUT"' EXIT
dotnet build src/OneWindow -c Debug -o "$OUT/app" -nologo -v quiet
PORT=$(( 56000 + RANDOM % 1000 ))
(cd "$OUT" && ConnectionStrings__Default="Data Source=$OUT/snapshot.db" dotnet "$OUT/app/OneWindow.dll" --urls "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1) &
PID=$!
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/openapi/v1.json" -o "$OUT/served.json"
node -e '
const fs = require("fs");
const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
delete doc.servers; // the address depends on who asks
fs.writeFileSync(process.argv[2], JSON.stringify(doc, null, 2) + "\n");
' "$OUT/served.json" "$TARGET"
echo "$TARGET updated; rebuild to regenerate the client."
