#!/usr/bin/env bash
# Upload benchmark: streams 10 MiB, 100 MiB and 1 GiB files into a locally started server with a 256 MiB heap
# and compares the throughput with a plain local copy (dd, with fsync like the server) on the same disk.
#
# What it does:
#   1. builds the jar from the current sources (./mvnw -DskipTests package);
#   2. starts it with -Xmx256m, an embedded MariaDB and image storage in a fresh temp dir, a random JWT secret
#      and a bootstrap admin; everything listens on 127.0.0.1 only;
#   3. registers a patient through the API; their first GET /api/patients/me creates the patient record;
#   4. uploads each file as the patient, raw (curl -T, streamed) and multipart (curl -F, streamed);
#   5. prints MiB/s per upload next to dd, and the peak heap in use (from the GC log);
#   6. stops the server and deletes the temp dir (set KEEP=1 to keep it).
# Needs: java 17+, curl, python3. Usage: bench/upload-benchmark.sh [sizes in MiB, default "10 100 1024"]
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${*:-"10 100 1024"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clinic-bench.XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
APP_PORT=$(free_port)
DB_PORT=$(free_port)
BASE="http://127.0.0.1:$APP_PORT"
APP_PID=""

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  # the embedded database normally stops with the app; make sure our instance (and only ours) is gone
  for pidfile in "$WORK"/db/*.pid; do
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  [[ "${KEEP:-0}" == 1 ]] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

# Always rebuild: a jar left in target/ may be older than the sources being measured.
./mvnw -B -q -DskipTests package
JAR=$(ls target/clinic-records-*.jar | grep -v plain | head -1)

echo "Starting $JAR on 127.0.0.1:$APP_PORT (heap 256 MiB, data in $WORK)"
ADMIN_EMAIL="admin@bench.test" ADMIN_PASSWORD="bench-admin-password-$RANDOM$RANDOM" \
JWT_SECRET=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())') \
EMBEDDED_DB_BASE_DIR="$WORK/db-base" EMBEDDED_DB_DATA_DIR="$WORK/db" EMBEDDED_DB_PORT="$DB_PORT" \
IMAGE_STORAGE_DIR="$WORK/images" UPLOAD_MAX_BYTES=2GB \
  java -Xmx256m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "server died, see log:"; tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "server did not start"; tail -50 "$WORK/app.log"; exit 1; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
EMAIL="patient-$RANDOM@bench.test"; PASSWORD="bench patient password $RANDOM"
curl -sf -X POST "$BASE/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"Patient\"}" >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | json "['access_token']")
AUTH="Authorization: Bearer $TOKEN"

# The first GET /api/patients/me gives a self-registered patient their record.
PATIENT_ID=$(curl -sf "$BASE/api/patients/me" -H "$AUTH" | json "['id']")

GC_LINES_BEFORE=$(wc -l < "$WORK/gc.log")
mib_per_s() { python3 -c "print(f'{$1/1048576/$2:8.1f}')"; }
printf '\n%-8s %-10s %10s %10s %8s\n' "size" "mode" "MiB/s" "dd MiB/s" "status"
for size in $SIZES; do
  file="$WORK/bench-$size.png"
  { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR'; head -c $((size * 1048576 - 16)) /dev/urandom; } > "$file"
  bytes=$(stat -c %s "$file")
  start=$(date +%s.%N); dd if="$file" of="$WORK/dd-copy" bs=1M conv=fsync status=none; end=$(date +%s.%N)
  dd_rate=$(mib_per_s "$bytes" "$(python3 -c "print($end-$start)")"); rm -f "$WORK/dd-copy"
  for mode in raw multipart; do
    if [[ $mode == raw ]]; then
      out=$(curl -s -o "$WORK/resp.json" -w '%{http_code} %{time_total}' -X POST -T "$file" -H "$AUTH" \
        -H 'Content-Type: application/octet-stream' -H "X-Filename: bench-$size.png" \
        "$BASE/api/patients/$PATIENT_ID/images")
    else
      # a second, different file: the same bytes would be deduplicated (200) without being stored again
      printf 'x' >> "$file"; bytes=$((bytes + 1))
      out=$(curl -s -o "$WORK/resp.json" -w '%{http_code} %{time_total}' -H "$AUTH" \
        -F "file=@$file;type=application/octet-stream" -F "description=benchmark" \
        "$BASE/api/patients/$PATIENT_ID/images")
    fi
    read -r code secs <<<"$out"
    printf '%-8s %-10s %10s %10s %8s\n' "${size}MiB" "$mode" "$(mib_per_s "$bytes" "$secs")" "$dd_rate" "$code"
  done
  rm -f "$file"
done

peak() {
  python3 - "$WORK/gc.log" "$1" "$2" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()[int(sys.argv[2]):int(sys.argv[3])]
print(max([int(n) for line in lines for n in re.findall(r'(\d+)M->\d+M', line)] or [0]))
PY
}
echo
echo "peak heap in use before a GC, from the GC log (max heap 256 MiB):"
echo "  during startup: $(peak 0 "$GC_LINES_BEFORE") MiB; during the uploads: $(peak "$GC_LINES_BEFORE" 999999999) MiB"
echo "  GC events during the uploads: $(( $(wc -l < "$WORK/gc.log") - GC_LINES_BEFORE ))"
