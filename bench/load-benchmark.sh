#!/usr/bin/env bash
# Load benchmark: the real application with seeded data, driven over loopback, next to a bare-JDBC baseline.
#
# What it does
#   1. Compiles the code and test code, resolves the test classpath (Maven).
#   2. Starts the application from the test classpath (com.clinicrecords.bench.BenchApplication) with the
#      `bench` profile on 127.0.0.1, using its own embedded MariaDB under target/bench (or DB_URL if set).
#      On first start the bench profile seeds, with set-based INSERT ... SELECT statements: 100 doctors,
#      10,000 patients (each linked to one doctor), 100,000 past appointments and 100,000 audit rows, plus an
#      admin; all accounts share one password. Auditing stays on as in production (every API read below
#      writes an audit row). The bench profile also registers /bench/jdbc/* (plain servlet + JDBC, no Spring
#      MVC/Security/JPA) running the same SQL as the API, as the baseline. None of this is in the production jar.
#      With BENCH_SCALE=2m the seed is the large clinic instead: 500 doctors, 99,000 patients (about 100,000
#      accounts), 1,980,000 appointments and as many audit rows (a few minutes on first start; kept in its own
#      database folder, target/bench/mariadb-2m, so later runs start at once). Both scales also get 5 image rows
#      per patient (rows only, no files), seeded on their own so that an older benchmark database gains them.
#   3. Runs the Java load driver (com.clinicrecords.bench.LoadDriver, closed loop, JDK HttpClient). It first
#      warms both JVMs: passes of 10 s per scenario at 16 clients until the application's JIT compiler is done
#      (its compile time at most 5 % of a pass, read with jcmd; at most BENCH_JIT_MAX_SECONDS; it finishes the
#      API's per-request code only after minutes of load), then rounds of 3 s per scenario at 16 clients
#      until the scenarios' throughput moves by at most 5 % from one round to the next (at most
#      BENCH_WARMUP_ROUNDS rounds). Then each scenario at 1, 16
#      and 64 concurrent clients, a fixed time per cell after a short warm-up:
#        login, GET patient (as the linked doctor), list appointments by doctor, book appointment (as admin),
#        the bare-JDBC GET patient / appointments-by-doctor (the floor: one select each), the API's own
#        statements for GET patient over plain JDBC (the caller with the patient and its access facts read
#        along, an audit insert per request where the API batches them), and the
#        main lists (doctor's appointments, admin appointment pages 1 and 500, audit trail, a patient's access
#        log, users by last name, a doctor's patients, image search of an admin and of a doctor, the patient
#        directory and its name search, the user search) with p50/p99 at the seeded scale.
#      Prints req/s, p50/p99 latency and non-2xx counts as Markdown, plus API-vs-bare ratios. Last, the API and
#      its baselines taken in turn at 16 clients, BENCH_PAIR_ROUNDS times, with the median ratio (cells measured
#      minutes apart on a shared machine also measure how its speed moved), and the CPU time per request of
#      the application, the database server and the driver in each of those cells (Linux /proc), which shows
#      where a request's cost goes. All of it goes to target/bench/results.md.
#   4. Stops the application (also on Ctrl-C or failure).
#
# Usage:   bench/load-benchmark.sh
# Tuning:  BENCH_SECONDS (per cell, default 10), BENCH_CLIENTS (default 1,16,64), BENCH_WARMUP (default 2),
#          BENCH_JIT_MAX_SECONDS (default 900; 0 skips), BENCH_WARMUP_ROUNDS (default 6; 0 skips the rounds),
#          BENCH_PAIR_ROUNDS (default 3; 0 skips),
#          BENCH_PORT (default 18080), BENCH_DB_PORT (embedded DB port, default 13307),
#          BENCH_SCALE (default: the 100k-appointment clinic; 2m: the large one),
#          BENCH_DB_PID (the database server's process, for the CPU split when DB_URL points at a local server),
#          BENCH_ONLY (a regular expression: only the scenarios whose name matches run, e.g. 'GET patient|list:'),
#          BENCH_JAVA_OPTS (extra JVM options of the application, e.g. a flight recording:
#          '-XX:StartFlightRecording=filename=target/bench/app.jfr,settings=profile').
# Needs:   JDK 17+. Loopback only; nothing listens on other interfaces. Takes ~45 minutes with the defaults
#          (the JIT warm-up ends after the first pass past BENCH_JIT_MAX_SECONDS at the latest: 18 minutes in a
#          full run on 2 cores; 2 to 6 warm-up rounds of ~1 minute, 24 scenarios x 3 client counts x 12 s,
#          3 alternating rounds, plus start-up).
# Note:    the driver signs in once, so access tokens live 3 h for this run only (the default 10 min ended a run
#          in 401s), and so do idle sessions (a session is marked used when its token is refreshed, which this
#          driver never does: after the default 30 minutes, a run that long ended in 401s), and the bookings of
#          a long run would reach a patient's cap of 10 open appointments, so the cap is lifted for this run only;
#          login throttling is raised for this run only (every request comes from 127.0.0.1), and sign-ins wait
#          for a hashing slot instead of getting 503 (so the login figures measure Argon2 throughput); numbers
#          depend heavily on the machine (Argon2id hashing dominates login; CPU cores are shared with the database).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_CELL="${BENCH_SECONDS:-10}"
CLIENTS="${BENCH_CLIENTS:-1,16,64}"
WARMUP="${BENCH_WARMUP:-2}"
PORT="${BENCH_PORT:-18080}"
DB_PORT="${BENCH_DB_PORT:-13307}"
SCALE="${BENCH_SCALE:-default}"
ONLY="${BENCH_ONLY:-}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
OUT=target/bench
DATA_DIR="$OUT/mariadb"
if [ "$SCALE" = "2m" ]; then DATA_DIR="$OUT/mariadb-2m"; fi
mkdir -p "$OUT"

echo "Building..."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

echo "Starting the application (bench profile) on 127.0.0.1:$PORT; log in $OUT/app.log"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java -Xmx1g $JAVA_OPTS -cp "$CP" com.clinicrecords.bench.BenchApplication \
  --spring.profiles.active=bench \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --bench.scale="$SCALE" \
  --clinic.embedded-db.base-dir="$OUT/mariadb-base" --clinic.embedded-db.data-dir="$DATA_DIR" \
  --clinic.embedded-db.port="$DB_PORT" \
  --clinic.security.login-throttle.per-ip.capacity=1000000000 \
  --clinic.security.login-throttle.per-account.capacity=1000000000 \
  --clinic.security.login-throttle.per-account-client.capacity=1000000000 \
  --clinic.security.password-hashing.max-waiting=1000 --clinic.security.password-hashing.max-wait=60s \
  --clinic.security.jwt.access-token-ttl=3h --clinic.security.jwt.session-idle-timeout=3h \
  --clinic.appointments.max-open-per-patient=1000000 \
  --logging.level.root=WARN --logging.level.com.clinicrecords=INFO \
  > "$OUT/app.log" 2>&1 &
APP_PID=$!
cleanup() {
  if kill -0 "$APP_PID" 2>/dev/null; then
    echo "Stopping the application (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

ready() {
  if command -v curl >/dev/null; then
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET /actuator/health/readiness HTTP/1.0\r\n\r\n' >&3 \
      && head -1 <&3 | grep -q ' 200 ') 2>/dev/null
  fi
}
for _ in $(seq 1 1800); do
  if ready; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The application did not start; see $OUT/app.log"; exit 1; fi
  sleep 1
done
ready || { echo "The application was not ready after 1800 s; see $OUT/app.log"; exit 1; }
grep -E "Seeded|already present" "$OUT/app.log" || true
# CPU time per request by process in the in-turn rounds: the application, the database server (the embedded one,
# or BENCH_DB_PID for a local server of your own), and the driver.
DB_PID="${BENCH_DB_PID:-}"
if [ -z "$DB_PID" ] && [ -z "${DB_URL:-}" ]; then
  DB_PID="$(pgrep -f -- "(mysqld|mariadbd).*--port=$DB_PORT" | head -1 || true)"
fi
export BENCH_CPU_PIDS="app=$APP_PID${DB_PID:+,db=$DB_PID}"

echo "Driving load: ${SECONDS_PER_CELL}s per cell, clients $CLIENTS"
echo "Machine: $(nproc) cores, $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB RAM"}'), load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" \
  | tee "$OUT/results.md"
java -cp "$CP" com.clinicrecords.bench.LoadDriver "http://127.0.0.1:$PORT" "$SECONDS_PER_CELL" "$CLIENTS" "$WARMUP" "$ONLY" \
  | tee -a "$OUT/results.md"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" | tee -a "$OUT/results.md"
