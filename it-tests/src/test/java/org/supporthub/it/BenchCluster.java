package org.supporthub.it;

import jakarta.json.JsonObject;
import org.supporthub.it.LoadDriver.Conn;
import org.supporthub.it.LoadDriver.Connected;
import org.supporthub.it.LoadDriver.Recorder;
import org.supporthub.it.LoadDriver.Reply;
import org.supporthub.it.TlsFixtures.Authority;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The cluster scenario of issue 12: 1, 2, then 3 hub instances on this machine, members of one data grid
 * (Payara Micro's Hazelcast on loopback) and one PostgreSQL database, started one after the other. With
 * each number of instances it measures the users' message rate (the {@code users} scenario's closed loop,
 * the widget users spread evenly over the instances, each connected straight to its instance); from two
 * instances on, the cross-instance latency: one widget user with a socket on instance A and another on
 * instance B (the same token, so the same conversation), a message sent on A, timed until B receives it.
 *
 * <p>Bounded: a few hundred connections, {@link Benchmark#MEASURE} per figure, loopback only.
 */
final class BenchCluster {

    static final int INSTANCES = Integer.getInteger("bench.cluster.instances", 3);
    static final int USERS = Integer.getInteger("bench.cluster.users", 200);
    /** Conversations of the latency figure (divisible by 2 and 3, so every pair of instances has as many). */
    static final int CONVERSATIONS = Integer.getInteger("bench.cluster.conversations", 24);
    static final double LATENCY_RATE = Double.parseDouble(System.getProperty("bench.cluster.rate", "50"));
    /** The data grid's first member port; instance k listens on {@code GRID_PORT + k - 1}. */
    static final int GRID_PORT = Integer.getInteger("bench.cluster.grid-port", 6971);
    static final String CLUSTER_NAME = "supporthub-bench";
    static final String PG_URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_SCHEMA = System.getProperty("bench.pg.schema", "supporthub_bench");
    static final String PG_USER = System.getProperty("bench.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("bench.pg.password", "postgres");
    static final Duration GRID_BUDGET = Duration.ofSeconds(60);

    private final Path work;
    private final BenchClusterReport report;

    BenchCluster(Path work, BenchClusterReport report) {
        this.work = work.resolve("cluster");
        this.report = report;
    }

    /** Runs the whole scenario; every instance it started is stopped when it returns or fails. */
    void run(LoadDriver driver, Path war) throws Exception {
        report.database(freshSchema());
        Authority root = Authority.create("Support Hub Benchmark Root");
        Path roots = work.resolve("roots.pem");
        Files.createDirectories(work);
        root.writePem(roots);
        Map<String, String> env = environment(roots);
        List<BenchServer> instances = new ArrayList<>();
        try {
            HubClient.Portal portal = null;
            for (int k = 1; k <= INSTANCES; k++) {
                Benchmark.log("cluster: starting instance " + k);
                long started = System.nanoTime();
                instances.add(BenchServer.start("hub-" + k, war, work.resolve("hub-" + k), Benchmark.JVM_FLAGS,
                        List.of("-Dsupport.hub.demo.portal-port=" + BenchServer.freePort()), env, "health/ready",
                        gridOptions(k)));
                double startSeconds = (System.nanoTime() - started) / 1e9;
                double gridSeconds = awaitMembers(instances);
                report.note(String.format(Locale.ROOT, "Instance %d was ready in %.0f s; %.1f s later every "
                        + "instance's grid showed %d member%s.", k, startSeconds, gridSeconds, k, k == 1 ? "" : "s"));
                if (portal == null) {
                    // Registered through the first instance: the portal lives in the shared database.
                    portal = client(instances.get(0)).registerEnabledPortal("en");
                }
                throughput(driver, instances, portal);
                if (k >= 2) {
                    latency(driver, instances, portal);
                }
            }
            noticeCounts(instances);
        } finally {
            for (BenchServer s : instances) {
                s.close();
            }
        }
    }

    // ---- set-up -----------------------------------------------------------------------------------------

    /** Drops and creates the benchmark's own schema, so every run starts from an empty database. */
    private static String freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + PG_SCHEMA + " cascade");
            s.execute("create schema " + PG_SCHEMA);
            try (ResultSet r = s.executeQuery("show server_version")) {
                r.next();
                return "PostgreSQL " + r.getString(1);
            }
        }
    }

    /**
     * The single hub's settings (development mode, raised abuse limits), plus what every instance of a
     * cluster must share: the database, the data folder (development keys, the demo portal's secret) and
     * the secret key that encrypts portal secrets in that database.
     */
    private Map<String, String> environment(Path roots) {
        Map<String, String> env = new LinkedHashMap<>(Benchmark.hubEnvironment(roots));
        String sep = PG_URL.contains("?") ? "&" : "?";
        env.put("SUPPORT_HUB_DB_URL", PG_URL + sep + "currentSchema=" + PG_SCHEMA);
        env.put("SUPPORT_HUB_DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
        env.put("SUPPORT_HUB_DB_USER", PG_USER);
        env.put("SUPPORT_HUB_DB_PASSWORD", PG_PASSWORD);
        env.put("SUPPORT_HUB_DATA_DIR", work.resolve("data").toString());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("SUPPORT_HUB_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        return env;
    }

    /**
     * Payara Micro's data grid on loopback with static members: instance {@code k} listens on the k-th grid
     * port and lists itself and the instances started before it (a newcomer joins through any member it
     * lists; listing members that are not up yet only makes the first start wait for them).
     */
    static List<String> gridOptions(int k) {
        String members = IntStream.rangeClosed(1, k).mapToObj(i -> "127.0.0.1:" + (GRID_PORT + i - 1))
                .collect(Collectors.joining(","));
        return List.of("--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1", "--startport",
                String.valueOf(GRID_PORT + k - 1), "--clustername", CLUSTER_NAME);
    }

    /** Waits until every instance's grid sees them all (GET /api/v1/admin/cluster); returns the seconds taken. */
    private static double awaitMembers(List<BenchServer> instances) throws Exception {
        long started = System.nanoTime();
        long deadline = started + GRID_BUDGET.toNanos();
        for (BenchServer s : instances) {
            while (true) {
                JsonObject view = clusterView(s);
                if (view != null && view.getBoolean("clustered") && view.getJsonArray("members").size()
                        == instances.size()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(s.name + " did not see " + instances.size()
                            + " grid members within " + GRID_BUDGET.toSeconds() + " s: " + view);
                }
                Thread.sleep(200);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static JsonObject clusterView(BenchServer s) throws Exception {
        String[] manager = Benchmark.MANAGER.split(":", 2);
        HttpResponse<String> r = client(s).getAs("api/v1/admin/cluster", manager[0], manager[1]);
        return r.statusCode() == 200 ? Json.parse(r.body()) : null;
    }

    /** The grid notices each instance published and received over the run: delivery went through the grid. */
    private void noticeCounts(List<BenchServer> instances) throws Exception {
        List<String> counts = new ArrayList<>();
        List<Boolean> deaf = new ArrayList<>();
        for (BenchServer s : instances) {
            JsonObject view = clusterView(s);
            JsonObject n = view == null ? null : view.getJsonObject("notices");
            deaf.add(n != null && n.getJsonNumber("received").longValue() == 0);
            counts.add(n == null ? s.name + ": unknown" : String.format("%s published %s, received %s, dropped %s",
                    s.name, n.get("published"), n.get("received"), n.get("dropped")));
        }
        report.note("Grid notices over the run (GET /api/v1/admin/cluster): " + String.join("; ", counts) + ".");
        for (int k = 0; k < deaf.size(); k++) {
            if (instances.size() > 1 && deaf.get(k)) {
                report.note(instances.get(k).name + " received no notice from the grid although the others "
                        + "published: its sockets got the other instances' messages only from the database "
                        + "catch-up (every 20 s in a cluster).");
            }
        }
    }

    private static HubClient client(BenchServer s) throws Exception {
        return new HubClient(s.base().toURL());
    }

    private static URI chatUri(BenchServer s) throws Exception {
        return client(s).chatUri();
    }

    // ---- throughput -------------------------------------------------------------------------------------

    /** The users scenario's closed loop with {@link #USERS} widget users spread evenly over the instances. */
    private void throughput(LoadDriver driver, List<BenchServer> instances, HubClient.Portal p) throws Exception {
        int n = instances.size();
        Instant exp = Instant.now().plusSeconds(3000);
        List<Conn> conns = new ArrayList<>();
        int failed = 0;
        int from = 0;
        for (int k = 0; k < n; k++) {
            int count = USERS / n + (k < USERS % n ? 1 : 0);
            int base = from;
            Connected c = driver.connect(count, chatUri(instances.get(k)), p.origin(),
                    i -> Benchmark.hello(HubClient.token(p, "bench-cluster-user-" + (base + i), "User " + (base + i),
                            false, "en", exp)), Reply.ACK, 50, Duration.ofSeconds(60));
            conns.addAll(c.conns());
            failed += c.failed();
            from += count;
        }
        Benchmark.log("cluster, " + n + " instance(s): " + conns.size() + " users connected (" + failed + " failed)");
        try {
            Recorder r = driver.closedLoop(conns, Benchmark.WARM_UP, Benchmark.MEASURE);
            report.throughput(n, conns.size(), failed, r);
            Benchmark.log("cluster, " + n + " instance(s): " + (int) r.rate() + " messages/s, p99 "
                    + r.percentileMillis(0.99) + " ms");
        } finally {
            LoadDriver.closeAll(conns);
        }
    }

    // ---- cross-instance latency -------------------------------------------------------------------------

    /** The moments of one latency run, in nanoseconds. */
    record Latency(int instances, int conversations, double offeredPerSecond, int sent, long[] delivered,
                   int notDelivered, Recorder acks, long notAcknowledged, Map<Integer, ByReceiver> byReceiver) {
    }

    /** The part of a latency run received on one instance (B), numbered from 1. */
    record ByReceiver(int sent, long[] delivered, int notDelivered) {
    }

    /**
     * {@link #CONVERSATIONS} widget users, each with a socket on instance {@code j % n} (A) and one on the
     * next instance (B); messages offered at {@link #LATENCY_RATE} per second in all, round-robin over the
     * A sockets; each timed from its send on A to the {@code message} frame with its {@code clientMsgId}
     * on B, and to its {@code ack} on A.
     */
    private void latency(LoadDriver driver, List<BenchServer> instances, HubClient.Portal p) throws Exception {
        int n = instances.size();
        Instant exp = Instant.now().plusSeconds(3000);
        List<Conn> senders = new ArrayList<>();
        List<Conn> all = new ArrayList<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        try {
            for (int j = 0; j < CONVERSATIONS; j++) {
                String token = HubClient.token(p, "bench-pair-" + n + "-" + j, "Pair " + j, false, "en", exp);
                Conn a = one(driver, instances.get(j % n), p, token);
                all.add(a);
                Conn b = one(driver, instances.get((j + 1) % n), p, token);
                all.add(b);
                b.messageWatch = delivered::putIfAbsent;
                senders.add(a);
            }
            Recorder acks = new Recorder();
            long interval = (long) (1e9 / LATENCY_RATE);
            long start = System.nanoTime();
            long windowStart = start + TimeUnit.SECONDS.toNanos(2);
            long windowEnd = windowStart + Benchmark.MEASURE.toNanos();
            // Acks are recorded whenever they come (the window only decides which messages are measured).
            acks.windowStart = windowStart;
            acks.windowEnd = Long.MAX_VALUE;
            for (Conn a : senders) {
                a.pending.clear();
                a.recorder = acks;
                a.looping = false;
            }
            Map<String, Long> measured = new LinkedHashMap<>();
            Map<String, Integer> receiverOf = new java.util.HashMap<>();
            for (long i = 0; ; ) {
                long due = start + i * interval;
                if (due >= windowEnd) {
                    break;
                }
                long now = System.nanoTime();
                if (due > now) {
                    LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                    continue;
                }
                long sent = System.nanoTime();
                int conversation = (int) (i % senders.size());
                String id = senders.get(conversation).send(sent);
                if (sent >= windowStart) {
                    measured.put(id, sent);
                    receiverOf.put(id, (conversation + 1) % n + 1);
                }
                i++;
            }
            long deadline = System.nanoTime() + LoadDriver.DRAIN.toNanos();
            while (System.nanoTime() < deadline && (!delivered.keySet().containsAll(measured.keySet())
                    || senders.stream().anyMatch(a -> !a.pending.isEmpty()))) {
                Thread.sleep(50);
            }
            List<Long> times = new ArrayList<>();
            int missing = 0;
            Map<Integer, List<Long>> timesBy = new java.util.TreeMap<>();
            Map<Integer, int[]> countsBy = new java.util.TreeMap<>();
            for (Map.Entry<String, Long> m : measured.entrySet()) {
                Long at = delivered.get(m.getKey());
                int receiver = receiverOf.get(m.getKey());
                int[] counts = countsBy.computeIfAbsent(receiver, r -> new int[2]);
                counts[0]++;
                if (at == null) {
                    missing++;
                    counts[1]++;
                } else {
                    times.add(at - m.getValue());
                    timesBy.computeIfAbsent(receiver, r -> new ArrayList<>()).add(at - m.getValue());
                }
            }
            Map<Integer, ByReceiver> byReceiver = new java.util.TreeMap<>();
            countsBy.forEach((receiver, counts) -> byReceiver.put(receiver, new ByReceiver(counts[0],
                    timesBy.getOrDefault(receiver, List.of()).stream().mapToLong(Long::longValue).sorted().toArray(),
                    counts[1])));
            long unacked = senders.stream().mapToLong(a -> a.pending.size()).sum();
            senders.forEach(a -> a.recorder = null);
            Latency l = new Latency(n, CONVERSATIONS, LATENCY_RATE, measured.size(),
                    times.stream().mapToLong(Long::longValue).sorted().toArray(), missing, acks, unacked, byReceiver);
            report.latency(l);
            Benchmark.log(String.format(Locale.ROOT, "cluster, %d instances: A -> B p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms over %d messages (%d not delivered); A's ack p99 %.1f ms", n,
                    BenchClusterReport.pct(l.delivered(), 0.5), BenchClusterReport.pct(l.delivered(), 0.95),
                    BenchClusterReport.pct(l.delivered(), 0.99), l.sent(), missing, acks.percentileMillis(0.99)));
        } finally {
            LoadDriver.closeAll(all);
        }
    }

    /** One welcomed widget socket on {@code s} for the user of {@code token}. */
    private static Conn one(LoadDriver driver, BenchServer s, HubClient.Portal p, String token) throws Exception {
        Connected c = driver.connect(1, chatUri(s), p.origin(), i -> Benchmark.hello(token), Reply.ACK, 1,
                Duration.ofSeconds(30));
        if (c.conns().isEmpty()) {
            throw new IllegalStateException("a widget socket on " + s.name + " was not welcomed");
        }
        return c.conns().get(0);
    }
}
