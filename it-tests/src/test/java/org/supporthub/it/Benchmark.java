package org.supporthub.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.supporthub.it.LoadDriver.Conn;
import org.supporthub.it.LoadDriver.Connected;
import org.supporthub.it.LoadDriver.Recorder;
import org.supporthub.it.LoadDriver.Reply;
import org.supporthub.it.TlsFixtures.Authority;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load benchmark of issue 10: the bare Payara Micro WebSocket echo, then the hub (the built
 * {@code ROOT.war}, development mode, a data folder of its own) on the same Payara Micro and JVM flags,
 * driven by one {@link LoadDriver} on loopback. Prints a table and writes {@code docs/benchmarks.md} and
 * {@code docs/images/benchmark.png}. Not a test: it asserts nothing about speed; the aims of the issue
 * are printed beside the figures.
 *
 * <p>Run by {@code mvn -Pbenchmark -pl it-tests -am verify -DskipTests} (it-tests' {@code benchmark}
 * profile), never by the default build.
 */
public final class Benchmark {

    static final String MANAGER = "manager:manager-secret-2026";
    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    static final int IDLE = Integer.getInteger("bench.idle", 8000);
    /**
     * The scenarios to run: those of one hub by default ({@code echo,users,routed,idle}; fewer to profile
     * one of them), and {@code cluster} (issue 12, needs a PostgreSQL) on request.
     */
    static final java.util.Set<String> SCENARIOS = java.util.Set.of(
            System.getProperty("bench.scenarios", "echo,users,routed,idle").split(","));
    static final int DEEP = Integer.getInteger("bench.deep", 1000);
    static final Duration SEED_BUDGET = Duration.ofSeconds(Integer.getInteger("bench.seed-seconds", 120));
    /** Seconds each pass of idle connections may take before it stops starting new ones. */
    static final int IDLE_BUDGET = Integer.getInteger("bench.idle-seconds", 75);
    /** The README's start-up trade-off, plus the heap of issue 10's idle-connection aim; both servers alike. */
    static final List<String> JVM_FLAGS = List.of(System.getProperty("bench.jvm", "-Xmx512m -XX:TieredStopAtLevel=1")
            .trim().split("\\s+"));

    private final Path work;
    private final BenchReport report;

    private Benchmark(Path work, BenchReport report) {
        this.work = work;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("hub.it.manager", MANAGER);
        Path work = Path.of(System.getProperty("bench.work", "target/bench")).toAbsolutePath();
        Path docs = Path.of(System.getProperty("bench.docs", "../docs")).toAbsolutePath();
        Path war = Path.of(System.getProperty("hub.war", "../bot-web/target/ROOT.war")).toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("Build bot-web first: " + war + " is missing");
        }
        BenchServer.deleteTree(work);
        Files.createDirectories(work);
        BenchReport report = new BenchReport(JVM_FLAGS, MEASURE);
        BenchClusterReport cluster = new BenchClusterReport(JVM_FLAGS, MEASURE);
        Benchmark bench = new Benchmark(work, report);
        boolean singleHub = SCENARIOS.stream().anyMatch(BenchReport.SINGLE_HUB_SCENARIOS::contains);
        // The run's own notes go with the figures this run writes: the cluster section's when it ran alone.
        java.util.function.Consumer<String> runNote = singleHub ? report::note : cluster::note;
        long started = System.nanoTime();
        try (LoadDriver driver = new LoadDriver()) {
            if (SCENARIOS.contains("echo")) {
                bench.echo(driver);
            }
            if (SCENARIOS.stream().anyMatch(java.util.Set.of("users", "routed", "idle")::contains)) {
                bench.hub(driver, war);
            }
            if (SCENARIOS.contains("cluster")) {
                new BenchCluster(work, cluster).run(driver, war);
            }
        } catch (Exception | Error e) {
            runNote.accept("The run stopped early: " + e);
            e.printStackTrace();
        }
        runNote.accept(String.format("The whole run took %.0f s.", (System.nanoTime() - started) / 1e9));
        if (singleHub) {
            report.print();
        }
        if (SCENARIOS.contains("cluster")) {
            cluster.print();
        }
        report.write(docs.resolve("benchmarks.md"), docs.resolve("images"), SCENARIOS, cluster);
        System.exit(0);
    }

    // ---- 1. the bare echo -----------------------------------------------------------------------------

    private void echo(LoadDriver driver) throws Exception {
        Path echoWar = work.resolve("echo.war");
        ShrinkWrap.create(WebArchive.class, "echo.war").addClass(BenchEcho.class).as(ZipExporter.class)
                .exportTo(echoWar.toFile(), true);
        log("starting the bare echo");
        try (BenchServer echo = BenchServer.start("echo", echoWar, work.resolve("echo"), JVM_FLAGS, List.of(),
                Map.of(), null)) {
            Connected c = driver.connect(200, echo.ws("/echo/echo"), null, null, Reply.ECHO, 50,
                    Duration.ofSeconds(60));
            for (int n : new int[]{50, 200}) {
                Recorder r = driver.closedLoop(c.conns().subList(0, Math.min(n, c.conns().size())), WARM_UP, MEASURE);
                report.echo(n, r);
                log("echo, closed loop, " + n + " connections: " + (int) r.rate() + "/s");
            }
            Recorder open = driver.openLoop(c.conns(), 1000, Duration.ofSeconds(2), MEASURE);
            report.echoOpen(open);
            LoadDriver.closeAll(c.conns());
        }
    }

    // ---- the hub --------------------------------------------------------------------------------------

    private void hub(LoadDriver driver, Path war) throws Exception {
        Authority root = Authority.create("Support Hub Benchmark Root");
        Path roots = work.resolve("roots.pem");
        root.writePem(roots);
        log("starting the hub");
        try (BenchServer hub = BenchServer.start("hub", war, work.resolve("hub"), JVM_FLAGS,
                List.of("-Dsupport.hub.demo.portal-port=" + BenchServer.freePort()), hubEnvironment(roots),
                "health/ready")) {
            HubClient client = new HubClient(hub.base().toURL());
            if (SCENARIOS.contains("users")) {
                users(driver, hub, client);
            }
            if (SCENARIOS.contains("routed")) {
                routed(driver, hub, client, root);
            }
            if (SCENARIOS.contains("idle")) {
                idle(driver, hub, client);
            }
        }
    }

    /**
     * The hub's settings: development mode (demo data, plain HTTP for the portal API), and abuse limits
     * raised far above what the driver offers, since every connection comes from one loopback address and
     * the benchmark measures the message path, not the limiter's refusals.
     */
    static Map<String, String> hubEnvironment(Path roots) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SUPPORT_HUB_MODE", "development");
        env.put("SUPPORT_HUB_BOOTSTRAP_MANAGER", MANAGER);
        env.put("SUPPORT_HUB_STAFF_PASSWORD_ITERATIONS", "20000");
        env.put("SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE", roots.toString());
        env.put("SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS", "443,1024-65535");
        env.put("SUPPORT_HUB_LIMITS_REGISTRATIONS_PER_ADDRESS", "100000/h");
        env.put("SUPPORT_HUB_LIMITS_WIDGET_MESSAGES_PER_SOCKET", "100000/s");
        env.put("SUPPORT_HUB_LIMITS_WIDGET_MESSAGES_PER_USER", "100000/s");
        env.put("SUPPORT_HUB_LIMITS_WIDGET_COMMANDS_PER_SOCKET", "100000/s");
        env.put("SUPPORT_HUB_LIMITS_WIDGET_TYPING_PER_SOCKET", "100000/s");
        env.put("SUPPORT_HUB_LIMITS_CONSOLE_FRAMES_PER_OPERATOR", "100000/s");
        env.put("SUPPORT_HUB_LIMITS_SOCKETS_PER_USER", "1000");
        env.put("SUPPORT_HUB_LIMITS_SOCKETS_PER_ADDRESS", "100000");
        env.put("SUPPORT_HUB_LOGIN_ADDRESS_THRESHOLD", "1000");
        return env;
    }

    static String hello(String token) {
        return "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
    }

    // ---- 2. a non-administrator's messages ------------------------------------------------------------

    private void users(LoadDriver driver, BenchServer hub, HubClient client) throws Exception {
        HubClient.Portal p = client.registerEnabledPortal("en");
        Instant exp = Instant.now().plusSeconds(3000);
        Connected c = driver.connect(200, client.chatUri(), p.origin(), i -> hello(HubClient.token(p,
                "bench-user-" + i, "User " + i, false, "en", exp)), Reply.ACK, 50, Duration.ofSeconds(60));
        log("users connected: " + c.conns().size() + " (" + c.failed() + " failed)");
        for (int n : new int[]{50, 200}) {
            Recorder r = driver.closedLoop(c.conns().subList(0, Math.min(n, c.conns().size())), WARM_UP, MEASURE);
            report.user(n, r, heapMiB(hub));
            log("user messages, closed loop, " + n + " connections: " + (int) r.rate() + "/s");
        }
        Recorder open = driver.openLoop(c.conns(), 1000, Duration.ofSeconds(2), MEASURE);
        report.userOpen(open, heapMiB(hub));
        log("user messages, open loop 1000/s: " + (int) open.rate() + "/s, p99 " + open.percentileMillis(0.99));
        LoadDriver.closeAll(c.conns());
    }

    // ---- 3. administrators' questions with a deep queue -----------------------------------------------

    private void routed(LoadDriver driver, BenchServer hub, HubClient client, Authority root) throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        List<Conn> everyone = new ArrayList<>();
        try {
            // A connected portal, past a real activation; nobody is online in its channel, so questions wait.
            SupportFixtures.Administrator admin = SupportFixtures.connectedPortal(client, root, open);
            admin.chat().close();
            HubClient.Portal p = admin.portal();
            Instant exp = Instant.now().plusSeconds(3000);
            Connected measured = driver.connect(10, client.chatUri(), p.origin(),
                    i -> hello(HubClient.adminToken(p, "bench-measured-" + i)), Reply.ACK, 10, Duration.ofSeconds(30));
            everyone.addAll(measured.conns());
            for (Conn c : measured.conns()) {
                c.ask("Error 500 after the update").get(30, TimeUnit.SECONDS);
            }
            int depth = measured.conns().size();
            measureRouted(driver, hub, measured.conns(), depth);

            log("seeding the queue to " + DEEP);
            int seeded = seed(driver, client, p, DEEP - depth, everyone);
            depth += seeded;
            if (depth < DEEP) {
                report.note(String.format("The queue reached %d of the %d waiting sessions aimed at within the "
                        + "seeding budget of %d s.", depth, DEEP, SEED_BUDGET.toSeconds()));
            }
            measureRouted(driver, hub, measured.conns(), depth);
        } finally {
            LoadDriver.closeAll(everyone);
            for (AutoCloseable c : open) {
                c.close();
            }
        }
    }

    private void measureRouted(LoadDriver driver, BenchServer hub, List<Conn> measured, int depth)
            throws Exception {
        Recorder closed = driver.closedLoop(measured, WARM_UP, MEASURE);
        Recorder open = driver.openLoop(measured, 200, Duration.ofSeconds(2), MEASURE);
        report.routed(depth, measured.size(), closed, open, heapMiB(hub));
        log("routed, " + depth + " waiting: " + (int) closed.rate() + "/s closed loop; p99 at 200/s "
                + open.percentileMillis(0.99) + " ms");
    }

    /** Administrators of the connected portal ask one question each and stay connected, waiting. */
    private int seed(LoadDriver driver, HubClient client, HubClient.Portal p, int count, List<Conn> everyone)
            throws Exception {
        long deadline = System.nanoTime() + SEED_BUDGET.toNanos();
        int waiting = 0;
        int batch = 50;
        for (int from = 0; from < count && System.nanoTime() < deadline; from += batch) {
            int size = Math.min(batch, count - from);
            int base = from;
            Connected c = driver.connect(size, client.chatUri(), p.origin(),
                    i -> hello(HubClient.adminToken(p, "bench-waiting-" + (base + i))), Reply.ACK, 8,
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            everyone.addAll(c.conns());
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            for (Conn conn : c.conns()) {
                asked.add(conn.ask("Error 500 after the update"));
            }
            for (CompletableFuture<Void> a : asked) {
                try {
                    a.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                    waiting++;
                } catch (Exception e) {
                    // not acknowledged within the budget: not counted as waiting
                }
            }
            log("  " + waiting + " more waiting");
        }
        return waiting;
    }

    // ---- 4. idle widgets ------------------------------------------------------------------------------

    private void idle(LoadDriver driver, BenchServer hub, HubClient client) throws Exception {
        long before = hub.heapUsedAfterGc();
        HubClient.Portal p = client.registerEnabledPortal("en");
        Instant exp = Instant.now().plusSeconds(3000);
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        try {
            log("connecting " + IDLE + " idle widgets (first visit)");
            Connected first = driver.connect(IDLE, client.chatUri(), p.origin(), i -> hello(HubClient.token(p,
                    "bench-idle-" + i, "Idle " + i, false, "en", exp)), Reply.ACK, 64, Duration.ofSeconds(IDLE_BUDGET));
            long after = hub.heapUsedAfterGc();
            report.idleFirst(first, before, after);
            log("idle: " + first.conns().size() + " connected at " + (int) first.perSecond() + "/s, failed "
                    + first.failed());
            LoadDriver.closeAll(first.conns());
            Thread.sleep(3000);

            log("reconnecting them (returning users)");
            Connected again = driver.connect(IDLE, client.chatUri(), p.origin(), i -> hello(HubClient.token(p,
                    "bench-idle-" + i, "Idle " + i, false, "en", exp)), Reply.ACK, 64, Duration.ofSeconds(IDLE_BUDGET));
            // The widget pings every 30 s; so do these, so that the hub's idle timeout does not close them.
            pinger.scheduleAtFixedRate(() -> again.conns().forEach(c -> c.sendText("{\"type\":\"ping\"}")),
                    20, 20, TimeUnit.SECONDS);
            log("idle again: " + again.conns().size() + " at " + (int) again.perSecond() + "/s");

            // A broadcast-worthy change: the portal's administrator activates the bot, whose state every
            // open widget of the portal shows (a state frame: ACTIVATING).
            try (ChatClient admin = ChatClient.connect(client, p.origin())) {
                admin.hello(HubClient.adminToken(p, "bench-admin"), null);
                admin.nextOfType("welcome");
                long from = System.nanoTime();
                again.conns().forEach(c -> c.watchFrom = from);
                admin.send("{\"type\":\"command\",\"name\":\"activate\"}");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < deadline && again.conns().stream().anyMatch(c -> c.watchSeen == 0)) {
                    Thread.sleep(50);
                }
                report.idleAgain(again, from);
            }
            LoadDriver.closeAll(again.conns());
        } finally {
            pinger.shutdownNow();
        }
    }

    private static double heapMiB(BenchServer hub) {
        try {
            return hub.heapUsedAfterGc() / 1024.0 / 1024.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static void log(String line) {
        System.out.println("[benchmark] " + line);
    }
}
