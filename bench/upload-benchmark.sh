#!/usr/bin/env bash
# Upload benchmark: streams 10 MiB, 100 MiB and 1 GiB files into a locally started server with a 256 MiB heap,
# raw (curl -T) and multipart (curl -F), and compares the throughput with dd writing the same file with fsync
# (conv=fsync, like the server) into the image storage directory, so both go to the same file system.
#
# What it does:
#   1. builds the jar from the current sources (./mvnw -DskipTests package);
#   2. starts it with -Xmx256m, an embedded MariaDB and image storage in a fresh temp dir, a random JWT secret
#      and a bootstrap admin; everything listens on 127.0.0.1 only;
#   3. registers a patient through the API; their first GET /api/patients/me creates the patient record;
#   4. warms the server up first, so the JIT compiler has done its work (a clinic's server has been running for
#      days): SMALL_WARMUP (default 2000) uploads of 4 KiB, raw and multipart taking turns (about a minute; the
#      per-request code runs once per upload and is compiled late), then
#      rounds of WARMUP (default 10) uploads of 10 MiB of each kind, until a round's median upload time
#      moves by at most 5 % against the round before (at most WARMUP_ROUNDS rounds, default 8; each round is
#      printed). A freshly started JVM kept getting faster for the first few hundred uploads: the per-request
#      code (Spring, Hibernate, Tomcat) runs a few dozen times per upload and is compiled late;
#   5. per size, REPS repetitions (default 7 for 10 MiB, 3 above) of: dd (with fsync), a raw upload, a multipart
#      upload, as the patient (taking turns, so every figure is compared with dd runs of the same minutes);
#      every upload sends different bytes (a counter is written into the file), or it would be deduplicated;
#   6. samples the heap in use (jstat, every 100 ms: survivor + eden + old used) while the 1 GiB uploads run and
#      prints the maximum;
#   7. prints a Markdown table (medians, % of dd) and writes it to target/bench/upload-results.md;
#   8. stops the server and deletes the temp dir (set KEEP=1 to keep it).
# Throughput is file bytes / curl's total time (connection, headers, body, answer), as a client sees it.
# CPU columns: curl's user + system time, and the server process's (all threads), over the upload's wall time
# (100 % = one core busy; the machine's cores are shared by client, server and database).
# Needs: a JDK 17+ (java, jstat, jcmd), curl, python3.
# Usage: bench/upload-benchmark.sh [sizes in MiB, default "10 100 1024"]; REPS=n overrides the repetitions,
#        WARMUP=n the warm-up uploads of each kind per round (0: none, the first uploads of a fresh JVM),
#        WARMUP_ROUNDS=n the most warm-up rounds, SMALL_WARMUP=n the 4 KiB warm-up uploads (0: none);
#        BENCH_JAVA_OPTS adds JVM options to the server, e.g. a flight recording of the server side:
#        BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=target/bench/upload.jfr,settings=profile'.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${*:-"10 100 1024"}
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clinic-bench.XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
APP_PORT=$(free_port)
DB_PORT=$(free_port)
BASE="http://127.0.0.1:$APP_PORT"
APP_PID=""
SAMPLER_PID=""

cleanup() {
  if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
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
mkdir -p "$WORK/images"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
ADMIN_EMAIL="admin@bench.test" ADMIN_PASSWORD="bench-admin-password-$RANDOM$RANDOM" \
JWT_SECRET=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())') \
EMBEDDED_DB_BASE_DIR="$WORK/db-base" EMBEDDED_DB_DATA_DIR="$WORK/db" EMBEDDED_DB_PORT="$DB_PORT" \
IMAGE_STORAGE_DIR="$WORK/images" UPLOAD_MAX_BYTES=2GB \
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
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
PATIENT_ID=$(curl -sf "$BASE/api/patients/me" -H "$AUTH" | json "['id']")

median() { python3 -c 'import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
rate() { python3 -c "print(f'{$1/1048576/$2:.0f}')"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print($2-$1)"; }

# heap in use = survivor + eden + old used (KiB in jstat -gc), sampled every 100 ms into a file
start_sampler() { jstat -gc "$APP_PID" 100 >"$1" 2>/dev/null & SAMPLER_PID=$!; }
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; }
heap_max_mib() {
  python3 - "$@" <<'PY'
import sys
peak, samples = 0.0, 0
for path in sys.argv[1:]:
    cols = None
    for line in open(path):
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "S0C":
            cols = parts
            continue
        row = dict(zip(cols, parts))
        used = sum(float(row[k]) for k in ("S0U", "S1U", "EU", "OU")) / 1024
        peak, samples = max(peak, used), samples + 1
print(f"{peak:.0f} {samples}")
PY
}

UPLOAD_N=0
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, all its threads
post() { # mode file counter -> "http_code seconds" (curl's); the answer goes to $WORK/resp.json
  # different bytes every time (after the 16-byte PNG signature), or the upload would be a duplicate (200)
  printf '%016d' "$3" | dd of="$2" bs=1 seek=16 conv=notrunc status=none
  if [[ $1 == raw ]]; then
    curl -s -o "$WORK/resp.json" -w '%{http_code} %{time_total}' -X POST -T "$2" -H "$AUTH" \
      -H 'Content-Type: application/octet-stream' -H "X-Filename: bench.png" "$BASE/api/patients/$PATIENT_ID/images"
  else
    curl -s -o "$WORK/resp.json" -w '%{http_code} %{time_total}' -H "$AUTH" \
      -F "file=@$2;type=application/octet-stream" -F "description=benchmark" "$BASE/api/patients/$PATIENT_ID/images"
  fi
}
upload() { # mode file counter -> "http_code seconds client_cpu_seconds server_cpu_seconds"
  local TIMEFORMAT='%U %S' server_before server_after
  server_before=$(cpu_ticks "$APP_PID")
  { time post "$1" "$2" "$3" >"$WORK/curl.out"; } 2>"$WORK/curl.cpu"
  server_after=$(cpu_ticks "$APP_PID")
  echo "$(cat "$WORK/curl.out") $(awk '{print $1 + $2}' "$WORK/curl.cpu") $(python3 -c "print(($server_after - $server_before) / $TICKS)")"
}

# warm-up (class loading and JIT compilation of a freshly started JVM are not what is measured: a clinic's server
# runs for days). First SMALL_WARMUP small uploads (4 KiB, raw and multipart taking turns): the per-request code
# (security, the controller, the transaction, the audit row) runs once per upload, and the JIT compiler only
# gives it its final form after some thousands of runs; a few dozen 10 MiB uploads leave it half-compiled, which
# measured a 4 KiB upload at 14 ms instead of 6 ms and a 10 MiB one at 30 ms instead of 21 ms. Then rounds of
# WARMUP 10 MiB uploads of each kind (the copy loops) until a round's median time settles.
small="$WORK/small.png"
{ printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR'; head -c $((4096 - 16)) /dev/urandom; } >"$small"
SMALL_LINE="Small-upload warm-up: none."
if [[ ${SMALL_WARMUP:-2000} -gt 0 ]]; then
  small_start=$(now)
  for i in $(seq 1 "${SMALL_WARMUP:-2000}"); do
    UPLOAD_N=$((UPLOAD_N + 1))
    read -r code _ <<<"$(post "$( ((i % 2)) && echo raw || echo multipart)" "$small" "$UPLOAD_N")"
    [[ $code == 201 ]] || { echo "small warm-up upload $i answered $code: $(cat "$WORK/resp.json")"; exit 1; }
  done
  SMALL_LINE="Small-upload warm-up: ${SMALL_WARMUP:-2000} uploads of 4 KiB in $(python3 -c "print(f'{$(now) - $small_start:.0f}')") s."
  echo "$SMALL_LINE"
fi
rm -f "$small"
warm="$WORK/warm.png"
{ printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR'; head -c $((10 * 1048576 - 16)) /dev/urandom; } >"$warm"
previous=""
WARM_LINE="Warm-up: none (the first uploads of a freshly started JVM)."
if [[ ${WARMUP:-10} -gt 0 ]]; then
  for round in $(seq 1 "${WARMUP_ROUNDS:-8}"); do
    round_times=""
    for _ in $(seq 1 "${WARMUP:-10}"); do
      for mode in raw multipart; do
        UPLOAD_N=$((UPLOAD_N + 1))
        read -r code secs _ _ <<<"$(upload "$mode" "$warm" "$UPLOAD_N")"
        [[ $code == 201 ]] || { echo "warm-up upload $mode answered $code: $(cat "$WORK/resp.json")"; exit 1; }
        round_times+=" $secs"
      done
    done
    # shellcheck disable=SC2086 # a space-separated list of numbers
    current=$(median $round_times)
    change=$([[ -n "$previous" ]] && python3 -c "print(f'{100 * ($current - $previous) / $previous:+.1f}')" || echo "")
    printf 'warm-up round %s: median upload %.1f ms%s\n' "$round" "$(python3 -c "print(1000 * $current)")" \
      "${change:+ ($change % against the round before)}"
    WARM_LINE="Warm-up: $round round(s) of ${WARMUP:-10} uploads of each kind (10 MiB), median of the last round $(python3 -c "print(f'{1000 * $current:.1f}')") ms${change:+, $change % against the round before}."
    if [[ -n "$change" ]] && python3 -c "import sys; sys.exit(0 if abs($change) <= 5 else 1)"; then
      break
    fi
    previous=$current
  done
fi
rm -f "$warm"

ROWS=()
HEAP_FILES=()
FAILED=0
for size in $SIZES; do
  reps=${REPS:-$([[ $size -le 10 ]] && echo 7 || echo 3)}
  file="$WORK/bench-$size.png"
  { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR'; head -c $((size * 1048576 - 16)) /dev/urandom; } >"$file"
  bytes=$(stat -c %s "$file")
  sync # the test file's own write-back must not run during the measurements
  # dd and the two kinds of upload take turns in every repetition (dd, raw, multipart, dd, ...): the disk's and
  # the machine's speed drift over a run, so each figure is compared with dd runs of the same minutes.
  dd_times=(); declare -A times=() client_cpu=() server_cpu=()
  for rep in $(seq 1 "$reps"); do
    start=$(now); dd if="$file" of="$WORK/images/dd-copy" bs=1M conv=fsync status=none; end=$(now)
    dd_times+=("$(elapsed "$start" "$end")"); rm -f "$WORK/images/dd-copy"; sync
    for mode in raw multipart; do
      if [[ $size -ge 1024 ]]; then
        jcmd "$APP_PID" GC.run >/dev/null # start from the live set, so the samples show what the upload adds
        start_sampler "$WORK/heap-$mode-$rep.txt"; HEAP_FILES+=("$WORK/heap-$mode-$rep.txt")
      fi
      UPLOAD_N=$((UPLOAD_N + 1))
      read -r code secs client server <<<"$(upload "$mode" "$file" "$UPLOAD_N")"
      client_cpu[$mode]+=" $(python3 -c "print(100 * $client / $secs)")"
      server_cpu[$mode]+=" $(python3 -c "print(100 * $server / $secs)")"
      [[ -n "$SAMPLER_PID" ]] && stop_sampler
      [[ $code == 201 ]] || { echo "upload $mode ${size} MiB answered $code: $(cat "$WORK/resp.json")"; FAILED=1; }
      times[$mode]+=" $secs"
      # let any write-back left over (database files) finish before the next measurement
      sync
    done
  done
  dd_rate=$(rate "$bytes" "$(median "${dd_times[@]}")")
  for mode in raw multipart; do
    # shellcheck disable=SC2086 # space-separated lists of numbers
    up_rate=$(rate "$bytes" "$(median ${times[$mode]})")
    pct=$(python3 -c "print(f'{100*$up_rate/$dd_rate:.0f}')")
    label=$([[ $size -ge 1024 ]] && echo "$((size / 1024)) GiB" || echo "$size MiB")
    # shellcheck disable=SC2086
    ccpu=$(python3 -c "print(f'{$(median ${client_cpu[$mode]}):.0f}')"); scpu=$(python3 -c "print(f'{$(median ${server_cpu[$mode]}):.0f}')")
    ROWS+=("| $label | $mode | $up_rate | $dd_rate | $pct % | $ccpu % | $scpu % | $reps |")
    printf '%-8s %-10s %6s MiB/s   dd %6s MiB/s   %4s %%  curl CPU %4s %%  server CPU %4s %%  (median of %s)\n' \
      "$label" "$mode" "$up_rate" "$dd_rate" "$pct" "$ccpu" "$scpu" "$reps"
  done
  unset times client_cpu server_cpu
  rm -f "$file"
done

HEAP_LINE=""
if [[ ${#HEAP_FILES[@]} -gt 0 ]]; then
  read -r heap_peak heap_samples <<<"$(heap_max_mib "${HEAP_FILES[@]}")"
  HEAP_LINE="Heap in use while uploading 1 GiB (sampled every 100 ms with jstat, $heap_samples samples, -Xmx256m, after a GC before each upload): max $heap_peak MiB."
fi
MACHINE="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, storage on $(df -T "$WORK/images" | awk 'NR==2 {print $2}'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$ROOT/target/bench"
{
  echo "| Upload | mode | MiB/s | \`dd\` (fsync) MiB/s | % of dd | curl CPU | server CPU | runs (median) |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  [[ -n "$HEAP_LINE" ]] && echo "$HEAP_LINE"
  echo
  echo "$SMALL_LINE $WARM_LINE"
  echo
  echo "Machine: $MACHINE; $(date -u '+%Y-%m-%d %H:%M UTC')."
} | tee "$ROOT/target/bench/upload-results.md"
echo "written to target/bench/upload-results.md"
exit "$FAILED"
