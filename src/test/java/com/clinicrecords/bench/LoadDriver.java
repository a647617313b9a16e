package com.clinicrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed-loop HTTP load over loopback: for each scenario and each client count, that many threads send
 * requests back to back for a fixed time; prints req/s, p50, p99 and non-2xx counts as a Markdown table,
 * and the API/bare-JDBC ratios that show the framework's share. Arguments:
 * {@code <baseUrl> [seconds=10] [clients=1,16,64] [warmupSeconds=2] [scenarioRegex]} (only the scenarios whose
 * name contains a match run, e.g. {@code "GET patient"}).
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final List<String> doctorIds = new ArrayList<>();
    private final List<String> doctorTokens = new ArrayList<>();
    private final List<String[]> doctorClaims = new ArrayList<>();
    private final List<List<String>> patients = new ArrayList<>();
    private final String password;
    private final String adminToken;
    private final AtomicLong bookings = new AtomicLong();
    private final Instant bookingBase = Instant.now()
            .plus(2 + ThreadLocalRandom.current().nextInt(3650), ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.HOURS);

    private LoadDriver(String base) throws Exception {
        this.base = base;
        JsonNode fixtures = JSON.readTree(send(get("/bench/jdbc/fixtures")).body());
        this.password = fixtures.path("password").asString();
        this.adminToken = login(fixtures.path("admin").asString());
        for (JsonNode doctor : fixtures.path("doctors")) {
            doctorIds.add(doctor.path("id").asString());
            doctorTokens.add(login(doctor.path("email").asString()));
            doctorClaims.add(claims(doctorTokens.get(doctorTokens.size() - 1)));
            List<String> ids = new ArrayList<>();
            doctor.path("patients").forEach(p -> ids.add(p.asString()));
            patients.add(ids);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] clients = args.length > 2
                ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 16, 64};
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Pattern only = Pattern.compile(args.length > 4 && !args[4].isBlank() ? args[4] : ".*");
        LoadDriver driver = new LoadDriver(base);
        Map<String, Supplier<HttpRequest>> scenarios = new LinkedHashMap<>(driver.scenarios());
        scenarios.putAll(driver.lists());
        scenarios.keySet().removeIf(name -> !only.matcher(name).find());
        int pairClients = Arrays.stream(clients).anyMatch(n -> n == 16)
                ? 16
                : Arrays.stream(clients).max().orElse(1);
        compileFirst(scenarios, pairClients, env("BENCH_JIT_MAX_SECONDS", 900));
        warmUp(scenarios, pairClients, env("BENCH_WARMUP_ROUNDS", 6));
        Map<String, Result> results = new LinkedHashMap<>();
        System.out.println("| scenario | clients | req/s | p50 ms | p99 ms | non-2xx |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Supplier<HttpRequest>> scenario : scenarios.entrySet()) {
            for (int n : clients) {
                run(scenario.getValue(), n, warmup);
                Result r = run(scenario.getValue(), n, seconds);
                results.put(scenario.getKey() + "@" + n, r);
                System.out.printf(
                        "| %s | %d | %.0f | %.1f | %.1f | %d |%n",
                        scenario.getKey(), n, r.perSecond(), r.p50(), r.p99(), r.errors());
            }
        }
        if (FIRST_FAILURE.get() != null) {
            System.out.println();
            System.out.println("First failed request: " + FIRST_FAILURE.get());
        }
        System.out.println();
        System.out.println("| API vs bare JDBC | clients | throughput ratio (bare/API) | p50 ratio (API/bare) |");
        System.out.println("|---|---:|---:|---:|");
        for (String pair : List.of("GET patient", "appointments by doctor")) {
            for (int n : clients) {
                Result api = results.get(pair + " (API)@" + n);
                Result bare = results.get(pair + " (bare JDBC)@" + n);
                if (api == null || bare == null) {
                    continue;
                }
                System.out.printf(
                        "| %s | %d | %.1fx | %.1fx |%n",
                        pair, n, bare.perSecond() / api.perSecond(), api.p50() / bare.p50());
            }
        }
        alternate(scenarios, pairClients, seconds, env("BENCH_PAIR_ROUNDS", 3));
        System.out.println();
        System.out.println("| GET patient: API vs its own statements over plain JDBC | clients | API throughput as a "
                + "share of the statements' | API throughput as a share of the bare select |");
        System.out.println("|---|---:|---:|---:|");
        for (int n : clients) {
            Result api = results.get("GET patient (API)@" + n);
            Result statements = results.get("GET patient (API statements over JDBC)@" + n);
            Result bare = results.get("GET patient (bare JDBC)@" + n);
            if (api == null || statements == null || bare == null) {
                continue;
            }
            System.out.printf(
                    "| GET patient | %d | %.2fx | %.2fx |%n",
                    n, api.perSecond() / statements.perSecond(), api.perSecond() / bare.perSecond());
        }
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * Passes over the scenarios (10 s each) before the warm-up rounds, until the application's JIT compiler is
     * done: the API's per-request code (security, MVC, JDBC, Jackson) gets its final form only after many
     * thousands of requests, and the compiler works on the cores the load runs on. Watched on a GET patient load
     * (2 cores): the compiler threads were busy for about 3.5 minutes, and the application's CPU time fell by a
     * third meanwhile; warm-up rounds that stopped once throughput moved by 5 % or less ended while it was still
     * at work. A pass whose compile time (jcmd PerfCounter.print, java.ci.totalTime, of the process in
     * BENCH_CPU_PIDS as app) is at most 5 % of its wall time ends this; so does {@code maxSeconds}. Without jcmd
     * or the process id: one pass. A clinic's server has served millions of requests.
     */
    private static void compileFirst(Map<String, Supplier<HttpRequest>> scenarios, int clients, int maxSeconds)
            throws InterruptedException {
        if (maxSeconds <= 0) {
            return;
        }
        long started = System.nanoTime();
        for (int pass = 1; ; pass++) {
            double compiledBefore = CpuSplit.compileSeconds();
            long passStart = System.nanoTime();
            for (Map.Entry<String, Supplier<HttpRequest>> scenario : scenarios.entrySet()) {
                if (!scenario.getKey().startsWith("login")) {
                    run(scenario.getValue(), clients, 10);
                }
            }
            double wall = (System.nanoTime() - passStart) / 1e9;
            double compiled = CpuSplit.compileSeconds() - compiledBefore;
            if (compiledBefore < 0) {
                System.out.printf("JIT warm-up: one pass of 10 s per scenario at %d clients.%n", clients);
                return;
            }
            double share = compiled / wall;
            boolean done = share <= 0.05 || (System.nanoTime() - started) / 1e9 >= maxSeconds;
            if (done) {
                System.out.printf(
                        "JIT warm-up: %d pass(es) of 10 s per scenario at %d clients, %.0f s; the application's "
                                + "compile time in the last pass: %.0f %% of it.%n",
                        pass, clients, (System.nanoTime() - started) / 1e9, 100 * share);
                return;
            }
        }
    }

    /**
     * Warms both JVMs (the application's and this driver's) before anything is measured: rounds of 3 s per
     * scenario (login aside: Argon2 does not warm up) until the scenarios' throughput, taken together (the
     * geometric mean of each one's change), moved by at most 5 % from the round before; at most
     * {@code maxRounds}. A cold JIT compiler would otherwise make the first scenarios pay for compiling code that
     * the later ones, and every server that has run for a while, get for free; the API, with far more code than
     * the bare select, pays most.
     */
    private static void warmUp(Map<String, Supplier<HttpRequest>> scenarios, int clients, int maxRounds)
            throws InterruptedException {
        Map<String, Double> previous = new LinkedHashMap<>();
        int round = 0;
        double change = Double.NaN;
        while (round < maxRounds) {
            round++;
            double logSum = 0;
            int compared = 0;
            for (Map.Entry<String, Supplier<HttpRequest>> scenario : scenarios.entrySet()) {
                if (scenario.getKey().startsWith("login")) {
                    continue;
                }
                double rate = run(scenario.getValue(), clients, 3).perSecond();
                Double before = previous.put(scenario.getKey(), rate);
                if (before != null && before > 0 && rate > 0) {
                    logSum += Math.log(rate / before);
                    compared++;
                }
            }
            change = compared == 0 ? Double.NaN : Math.exp(logSum / compared) - 1;
            if (compared > 0 && Math.abs(change) <= 0.05) {
                break;
            }
        }
        if (round > 0) {
            System.out.printf(
                    "Warm-up: %d round(s) of 3 s per scenario at %d clients; throughput change in the last round "
                            + "(geometric mean over the scenarios): %+.1f %%.%n%n",
                    round, clients, change * 100);
        }
    }

    /**
     * The API and its baselines taken in turn, {@code rounds} times, at the same client count: a ratio of
     * cells measured a minute apart also measures how the shared machine's speed moved in that minute.
     */
    private static void alternate(Map<String, Supplier<HttpRequest>> scenarios, int clients, int seconds, int rounds)
            throws InterruptedException {
        List<List<String>> groups = List.of(
                List.of("GET patient (API)", "GET patient (API statements over JDBC)", "GET patient (bare JDBC)"),
                List.of("appointments by doctor (API)", "appointments by doctor (bare JDBC)"));
        boolean header = false;
        for (List<String> group : groups) {
            String api = group.get(0);
            String bare = group.get(group.size() - 1);
            if (rounds < 1 || !scenarios.containsKey(api) || !scenarios.containsKey(bare)) {
                continue;
            }
            if (!header) {
                System.out.println();
                System.out.printf(
                        "The API and its baselines in turn (%d s each, %d clients, %d rounds); req/s:%n%n",
                        seconds, clients, rounds);
                System.out.println(
                        "| scenario | round | API | statements over JDBC | bare select | API / bare | non-2xx |"
                                + (CpuSplit.enabled() ? " CPU µs per request (API; statements; bare) |" : ""));
                System.out.println("|---|---:|---:|---:|---:|---:|---:|" + (CpuSplit.enabled() ? "---|" : ""));
                header = true;
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Map<String, Double> rates = new LinkedHashMap<>();
                List<String> cpu = new ArrayList<>();
                long errors = 0;
                for (String name : group) {
                    if (scenarios.containsKey(name)) {
                        Result result = run(scenarios.get(name), clients, seconds);
                        rates.put(name, result.perSecond());
                        cpu.add(result.cpu());
                        errors += result.errors();
                    }
                }
                ratios[r] = rates.get(api) / rates.get(bare);
                Double statements = group.size() > 2 ? rates.get(group.get(1)) : null;
                System.out.printf(
                        "| %s | %d | %.0f | %s | %.0f | %.2fx | %d |%s%n",
                        api.replace(" (API)", ""),
                        r + 1,
                        rates.get(api),
                        statements == null ? "" : String.format("%.0f", statements),
                        rates.get(bare),
                        ratios[r],
                        errors,
                        CpuSplit.enabled() ? " " + String.join("; ", cpu) + " |" : "");
            }
            Arrays.sort(ratios);
            System.out.printf("| %s | median | | | | **%.2fx** | |%n", api.replace(" (API)", ""), ratios[rounds / 2]);
        }
    }

    private Map<String, Supplier<HttpRequest>> scenarios() {
        Map<String, Supplier<HttpRequest>> s = new LinkedHashMap<>();
        s.put(
                "login (API)",
                () -> post(
                        "/api/auth/login",
                        null,
                        "{\"email\":\"bench-patient-"
                                + String.format(
                                        "%05d", ThreadLocalRandom.current().nextInt(BenchSeeder.PATIENTS))
                                + "@bench.test\",\"password\":\"" + password + "\"}"));
        s.put("GET patient (API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/patients/" + pick(patients.get(d)), doctorTokens.get(d));
        });
        s.put(
                "GET patient (bare JDBC)",
                () -> get("/bench/jdbc/patients/"
                        + pick(patients.get(ThreadLocalRandom.current().nextInt(patients.size())))));
        s.put("GET patient (API statements over JDBC)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/bench/jdbc/api-statements/patients/" + pick(patients.get(d)) + "?uid="
                    + doctorClaims.get(d)[0] + "&sid=" + doctorClaims.get(d)[1]);
        });
        s.put("appointments by doctor (API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/appointments?doctorId=" + doctorIds.get(d) + "&size=20", doctorTokens.get(d));
        });
        s.put(
                "appointments by doctor (bare JDBC)",
                () -> get("/bench/jdbc/appointments?doctorId="
                        + doctorIds.get(ThreadLocalRandom.current().nextInt(doctorIds.size()))));
        s.put("book appointment (API)", this::booking);
        return s;
    }

    /** The main lists, at whatever scale was seeded (bench.scale): p50/p99 per list. */
    private Map<String, Supplier<HttpRequest>> lists() {
        Map<String, Supplier<HttpRequest>> s = new LinkedHashMap<>();
        s.put("list: doctor's appointments, own scope (API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/appointments?size=20", doctorTokens.get(d));
        });
        s.put("list: all appointments, page 1 (admin API)", () -> get("/api/appointments?size=20", adminToken));
        s.put(
                "list: all appointments by creation, newest (admin API)",
                () -> get("/api/appointments?size=20&sort=createdAt,desc", adminToken));
        s.put(
                "list: all appointments, page 500 (admin API)",
                () -> get("/api/appointments?size=20&page=500", adminToken));
        // The same depth through keyset paging: a cursor taken once from page 499 (it pays the offset once).
        String appointmentsCursor = nextCursor("/api/appointments?size=20&page=499");
        s.put(
                "list: all appointments, after 10,000 rows by cursor (admin API)",
                () -> get("/api/appointments?size=20&cursor=" + appointmentsCursor, adminToken));
        s.put("list: audit trail, newest (admin API)", () -> get("/api/admin/audit?limit=20", adminToken));
        s.put("list: audit trail of one patient (admin API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/patients/" + pick(patients.get(d)) + "/access-log?limit=20", adminToken);
        });
        s.put("list: users by last name (admin API)", () -> get("/api/admin/users?size=20&sort=lastName", adminToken));
        String usersCursor = nextCursor("/api/admin/users?size=20&sort=lastName&page=499");
        s.put(
                "list: users by last name, after 10,000 rows by cursor (admin API)",
                () -> get("/api/admin/users?size=20&sort=lastName&cursor=" + usersCursor, adminToken));
        s.put("list: doctor's patients (API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/doctors/me/patients?size=20", doctorTokens.get(d));
        });
        s.put("list: image search, newest (admin API)", () -> get("/api/images?size=20", adminToken));
        s.put("list: image search, a doctor's patients (API)", () -> {
            int d = ThreadLocalRandom.current().nextInt(doctorIds.size());
            return get("/api/images?size=20", doctorTokens.get(d));
        });
        s.put("list: patient directory, page 1 (admin API)", () -> get("/api/admin/patients?size=20", adminToken));
        // a last name's first four digits: ten patients at either scale (the seeded last names are 00000..)
        s.put(
                "list: patient directory, search by name (admin API)",
                () -> get("/api/admin/patients?size=20&q=" + namePrefix(), adminToken));
        s.put(
                "list: users, search (admin API)",
                () -> get("/api/admin/users?size=20&q=bench-patient-" + namePrefix(), adminToken));
        return s;
    }

    private static String namePrefix() {
        return String.format("%04d", ThreadLocalRandom.current().nextInt(BenchSeeder.PATIENTS / 10));
    }

    /** The {@code nextCursor} of a list page (URL-encoded), for the keyset-paging scenarios. */
    private String nextCursor(String path) {
        String cursor;
        try {
            cursor = JSON.readTree(send(get(path, adminToken)).body())
                    .path("nextCursor")
                    .asString();
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + path, e);
        }
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalStateException("no nextCursor from " + path);
        }
        return java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code [userId, sessionId]} from an access token's payload (sub, sid); no verification needed here. */
    private static String[] claims(String token) {
        JsonNode payload = JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return new String[] {payload.path("sub").asString(), payload.path("sid").asString()};
    }

    /** Every booking gets its own half-hour slot; a patient comes round again only much later (no overlap, no cap). */
    private HttpRequest booking() {
        long c = bookings.getAndIncrement();
        int d = (int) (c % doctorIds.size());
        long slot = c / doctorIds.size();
        List<String> ofDoctor = patients.get(d);
        Instant start = bookingBase.plus(slot * 30, ChronoUnit.MINUTES);
        return post(
                "/api/appointments",
                adminToken,
                "{\"doctorId\":\"" + doctorIds.get(d) + "\",\"patientId\":\""
                        + ofDoctor.get((int) (slot % ofDoctor.size())) + "\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\""
                        + start.plus(25, ChronoUnit.MINUTES) + "\"}");
    }

    private static Result run(Supplier<HttpRequest> requests, int clients, int seconds) throws InterruptedException {
        CpuSplit cpu = CpuSplit.enabled() ? new CpuSplit() : null;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        long[] errors = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    HttpRequest request = requests.get();
                    int status;
                    try {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        if (status >= 300) {
                            FIRST_FAILURE.compareAndSet(
                                    null,
                                    status + " " + request.method() + " " + request.uri() + " "
                                            + response.body()
                                                    .substring(
                                                            0,
                                                            Math.min(
                                                                    300,
                                                                    response.body()
                                                                            .length())));
                        }
                    } catch (Exception e) {
                        status = 599;
                        FIRST_FAILURE.compareAndSet(null, e + " " + request.uri());
                    }
                    if (status >= 300) {
                        errors[index]++;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - start;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                all.length / (double) seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                Arrays.stream(errors).sum(),
                cpu == null ? "" : cpu.perRequest(all.length));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1_000_000.0;
    }

    private String login(String email) throws Exception {
        HttpResponse<String> r =
                send(post("/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asString();
    }

    private HttpRequest get(String path) {
        return get(path, null);
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        return (token == null ? b : b.header("Authorization", "Bearer " + token)).build();
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return (token == null ? b : b.header("Authorization", "Bearer " + token)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String pick(List<String> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    /** The first non-2xx answer, so a broken run says why instead of only counting failures. */
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** One cell; {@code cpu} is the CPU split per request, empty without BENCH_CPU_PIDS. */
    record Result(double perSecond, double p50, double p99, long errors, String cpu) {}

    /**
     * CPU time per request, split by process: the processes named in BENCH_CPU_PIDS ({@code name=pid,...}, e.g.
     * the application and the database server, read from /proc on Linux) and this driver itself. On a machine
     * whose cores the three share, this shows where a request's cost goes, which req/s alone cannot.
     */
    static final class CpuSplit {

        private static final Map<String, Long> PIDS = pids();
        private final Map<String, Long> start = sample();

        static boolean enabled() {
            return !PIDS.isEmpty();
        }

        private static Map<String, Long> pids() {
            String value = System.getenv("BENCH_CPU_PIDS");
            Map<String, Long> pids = new LinkedHashMap<>();
            if (value != null) {
                for (String part : value.split(",")) {
                    String[] kv = part.trim().split("=");
                    if (kv.length == 2 && kv[1].trim().matches("\\d+")) {
                        pids.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
                    }
                }
            }
            return pids;
        }

        /**
         * The application's JIT compile time so far in seconds (jcmd PerfCounter.print: java.ci.totalTime in
         * ticks of sun.os.hrt.frequency), or -1 when unknown.
         */
        static double compileSeconds() {
            Long pid = PIDS.get("app");
            if (pid == null) {
                return -1;
            }
            try {
                Process jcmd = new ProcessBuilder(
                                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                String.valueOf(pid),
                                "PerfCounter.print")
                        .redirectErrorStream(true)
                        .start();
                double ticks = -1;
                double frequency = -1;
                try (java.io.BufferedReader lines =
                        new java.io.BufferedReader(new java.io.InputStreamReader(jcmd.getInputStream()))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("java.ci.totalTime=")) {
                            ticks = Double.parseDouble(line.substring(line.indexOf('=') + 1));
                        } else if (line.startsWith("sun.os.hrt.frequency=")) {
                            frequency = Double.parseDouble(line.substring(line.indexOf('=') + 1));
                        }
                    }
                }
                jcmd.waitFor();
                return ticks < 0 || frequency <= 0 ? -1 : ticks / frequency;
            } catch (java.io.IOException | NumberFormatException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** CPU nanoseconds so far per process (user + system); -1 when unreadable. */
        private static Map<String, Long> sample() {
            Map<String, Long> cpu = new LinkedHashMap<>();
            PIDS.forEach((name, pid) -> cpu.put(name, procCpuNanos(pid)));
            cpu.put("driver", procCpuNanos(ProcessHandle.current().pid()));
            return cpu;
        }

        private static long procCpuNanos(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                // fields after the command name, which is in parentheses and may hold spaces
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                return ticks * 10_000_000L; // USER_HZ is 100 on Linux
            } catch (Exception e) {
                return -1;
            }
        }

        /** "app 612 / db 455 / driver 498" (microseconds per request). */
        String perRequest(long requests) {
            Map<String, Long> end = sample();
            List<String> parts = new ArrayList<>();
            end.forEach((name, nanos) -> {
                long before = start.getOrDefault(name, -1L);
                parts.add(name + " "
                        + (nanos < 0 || before < 0 || requests == 0
                                ? "?"
                                : String.valueOf((nanos - before) / 1000 / requests)));
            });
            return String.join(" / ", parts);
        }
    }
}
