package org.supporthub.it;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.supporthub.it.LoadDriver.Connected;
import org.supporthub.it.LoadDriver.Recorder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** The benchmark's figures: the printed table, {@code docs/benchmarks.md} and the chart. */
final class BenchReport {

    /** One line of the table; NaN where a figure does not apply. */
    record Row(String scenario, String load, double rate, double ratio, double p50, double p99, double heapMiB,
               long errors, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> jvmFlags;
    private final Duration measure;
    private final String loadBefore = loadAverage();
    private final TreeMap<Integer, Double> echoRate = new TreeMap<>();
    private final TreeMap<Integer, Double> echoP99 = new TreeMap<>();
    private final TreeMap<Integer, Double> userRate = new TreeMap<>();
    private final TreeMap<Integer, Double> userP99 = new TreeMap<>();
    private final TreeMap<Integer, Double> routedRate = new TreeMap<>();
    private final TreeMap<Integer, Double> routedP99 = new TreeMap<>();
    private double userOpenP99 = Double.NaN;
    private double userOpenRate = Double.NaN;
    private int idleConnected = -1;
    private double returningPerSecond = Double.NaN;
    private double pushWithinOneSecond = Double.NaN;
    private double pushMaxMillis = Double.NaN;

    BenchReport(List<String> jvmFlags, Duration measure) {
        this.jvmFlags = jvmFlags;
        this.measure = measure;
    }

    void note(String note) {
        notes.add(note);
    }

    void echo(int connections, Recorder r) {
        echoRate.put(connections, r.rate());
        echoP99.put(connections, r.percentileMillis(0.99));
        rows.add(new Row("Bare echo, closed loop", connections + " connections", r.rate(), Double.NaN,
                r.percentileMillis(0.5), r.percentileMillis(0.99), Double.NaN, r.errors.sum(), ""));
    }

    void echoOpen(Recorder r) {
        rows.add(new Row("Bare echo, open loop 1,000/s offered", "200 connections", r.rate(), Double.NaN,
                r.percentileMillis(0.5), r.percentileMillis(0.99), Double.NaN, r.errors.sum(),
                "latency from the moment each frame was due"));
    }

    void row(String scenario, String load, Recorder r, Double heapMiB, String note) {
        double echo = echoRate.getOrDefault(200, Double.NaN);
        rows.add(new Row(scenario, load, r.rate(), r.rate() / echo, r.percentileMillis(0.5),
                r.percentileMillis(0.99), heapMiB == null ? Double.NaN : heapMiB, r.errors.sum(), note));
    }

    void user(int connections, Recorder r, double heapMiB) {
        userRate.put(connections, r.rate());
        userP99.put(connections, r.percentileMillis(0.99));
        rows.add(new Row("User's message stored and acknowledged, closed loop", connections + " connections",
                r.rate(), r.rate() / echoRate.getOrDefault(connections, Double.NaN), r.percentileMillis(0.5),
                r.percentileMillis(0.99), heapMiB, r.errors.sum(), ""));
    }

    void userOpen(Recorder r, double heapMiB) {
        userOpenP99 = r.percentileMillis(0.99);
        userOpenRate = r.rate();
        row("User's message, open loop 1,000/s offered", "200 connections", r, heapMiB,
                "latency from the moment each message was due");
    }

    void routed(int depth, int connections, Recorder closed, Recorder open, double heapMiB) {
        routedRate.put(depth, closed.rate());
        routedP99.put(depth, open.percentileMillis(0.99));
        row("Administrator's message in a waiting session, closed loop",
                connections + " connections, " + depth + " waiting", closed, heapMiB, "");
        row("Administrator's message, open loop 200/s offered", connections + " connections, " + depth + " waiting",
                open, heapMiB, "");
    }

    void idleFirst(Connected c, long heapBefore, long heapAfter) {
        idleConnected = c.conns().size();
        double perConnectionKiB = c.conns().isEmpty() ? Double.NaN
                : (heapAfter - heapBefore) / 1024.0 / c.conns().size();
        rows.add(new Row("Idle widgets connect (first visit: new conversation)", c.conns().size() + " connected",
                c.perSecond(), Double.NaN, Double.NaN, Double.NaN, heapAfter / 1024.0 / 1024.0, c.failed(),
                String.format(Locale.ROOT, "heap after full GC %.0f → %.0f MiB: %.1f KiB per connection",
                        heapBefore / 1048576.0, heapAfter / 1048576.0, perConnectionKiB)));
    }

    void idleAgain(Connected c, long from) {
        returningPerSecond = c.perSecond();
        rows.add(new Row("Idle widgets connect (returning users)", c.conns().size() + " connected", c.perSecond(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, c.failed(), ""));
        long[] seen = c.conns().stream().mapToLong(x -> x.watchSeen == 0 ? -1 : x.watchSeen - from).toArray();
        long missed = Arrays.stream(seen).filter(s -> s < 0).count();
        long[] ok = Arrays.stream(seen).filter(s -> s >= 0).sorted().toArray();
        long withinOne = Arrays.stream(ok).filter(s -> s <= 1_000_000_000L).count();
        pushWithinOneSecond = c.conns().isEmpty() ? Double.NaN : withinOne / (double) c.conns().size();
        pushMaxMillis = ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6;
        rows.add(new Row("Broadcast: the bot's new state (activation starts) reaches every widget",
                c.conns().size() + " connected", Double.NaN, Double.NaN, pct(ok, 0.5), pct(ok, 0.99), Double.NaN,
                missed, String.format(Locale.ROOT, "%d of %d within 1 s; last after %.0f ms",
                        withinOne, c.conns().size(), pushMaxMillis)));
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    // ---- output -----------------------------------------------------------------------------------

    private static String f(double v, String format) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-66s %-28s %9s %7s %9s %9s %9s %7s%n", "scenario", "connections / queue",
                "rate/s", "echo %", "p50 ms", "p99 ms", "heap MiB", "errors");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-66s %-28s %9s %7s %9s %9s %9s %7d %s%n", r.scenario(), r.load(),
                    f(r.rate(), "%.0f"), f(r.ratio() * 100, "%.0f"), f(r.p50(), "%.1f"), f(r.p99(), "%.1f"),
                    f(r.heapMiB(), "%.0f"), r.errors(), r.note());
        }
        notes.forEach(n -> System.out.println("note: " + n));
    }

    /** The scenarios of one hub on H2 (issue 10): the sections from {@value #MACHINE_SECTION} to the notes. */
    static final Set<String> SINGLE_HUB_SCENARIOS = Set.of("echo", "users", "routed", "idle");

    static final String MACHINE_SECTION = "## Machine";

    /** The sections the scenarios of one hub write; kept as they are when none of those scenarios ran. */
    static final List<String> SINGLE_HUB_SECTIONS = List.of(MACHINE_SECTION, "## Aims of issue 10 beside the figures",
            "## Figures", "## Notes of this run");

    /**
     * Rewrites {@code markdown} (and the charts in {@code images}) with the figures of the scenarios that
     * ran ({@code ran}); the sections of scenarios that did not run, and the hand-written ones, are kept as
     * they are in the existing file, so that running one scenario updates only its own section.
     */
    void write(Path markdown, Path images, Set<String> ran, BenchClusterReport cluster) throws IOException {
        String old = Files.exists(markdown) ? Files.readString(markdown) : "";
        List<String> sections = new ArrayList<>();
        sections.add(header());
        if (ran.stream().anyMatch(SINGLE_HUB_SCENARIOS::contains)) {
            Files.createDirectories(images);
            chart(images.resolve("benchmark.png"));
            sections.add(singleHub());
        } else {
            SINGLE_HUB_SECTIONS.forEach(h -> sections.add(keptSection(old, h)));
        }
        sections.add(ran.contains("cluster") ? cluster.section(images) : keptSection(old, BenchClusterReport.SECTION));
        sections.add(keptSection(old, PROFILE_SECTION));
        sections.add(keptSection(old, CRASH_SECTION));
        sections.removeIf(String::isEmpty);
        Files.writeString(markdown, String.join("\n\n", sections) + "\n");
    }

    private String header() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark itself (`it-tests`, profile `benchmark`); every figure below is as "
                + "measured in one run. Run it again with:\n\n```sh\nmvn -B -Pbenchmark -pl it-tests -am verify "
                + "-DskipTests\n```\n\n");
        md.append("It builds the hub's `ROOT.war`, packs a bare WebSocket echo (`BenchEcho`, one endpoint that "
                + "answers a text frame with itself) into a WAR of its own with ShrinkWrap, and runs both, one "
                + "after the other, on the Payara Micro jar of the tests with the same JVM flags (`")
                .append(String.join(" ", jvmFlags)).append("`: the README's start-up flag and issue 10's heap). "
                        + "The hub runs in development mode with a data folder of its own "
                        + "(`it-tests/target/bench/hub/data`, embedded H2 with the hub's default settings) and "
                        + "its abuse limits raised (`SUPPORT_HUB_LIMITS_*` at 100000/s, 1000 sockets per user, "
                        + "100000 per address), since every connection comes from one loopback address. The "
                        + "load driver (`LoadDriver`, `java.net.http.WebSocket`) runs in a third JVM on the "
                        + "same machine, so client and server share its cores.\n\n");
        md.append("That command runs the scenarios of one hub (`echo`, `users`, `routed`, `idle`: the sections "
                + "from Machine to the notes of the run); the cluster scenario of issue 12 (`cluster`, its own "
                + "section below) needs a PostgreSQL and runs on request. `-Dbench.scenarios=` picks scenarios; "
                + "the sections of the scenarios not picked are left as they were.");
        return md.toString().strip();
    }

    /** The sections of the single hub's scenarios, from {@value #MACHINE_SECTION} to the notes of the run. */
    private String singleHub() {
        StringBuilder md = new StringBuilder();
        md.append(MACHINE_SECTION).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        md.append("| load average before / after (1, 5, 15 min) | ").append(loadBefore).append(" / ")
                .append(loadAverage()).append(" |\n");
        md.append("| measured window | ").append(measure.toSeconds()).append(" s per figure, after a warm-up |\n\n");
        md.append("The machine is shared with other engineers' builds: a load average above zero before the "
                + "run means the figures were measured under that shared load.\n\n");
        md.append("## Aims of issue 10 beside the figures\n\n");
        md.append("| aim | figure | met |\n|---|---|---|\n");
        double d10 = routedRate.getOrDefault(10, Double.NaN);
        Integer deepest = routedRate.isEmpty() ? null : routedRate.lastKey();
        double dDeep = deepest == null ? Double.NaN : routedRate.get(deepest);
        double pDeep = deepest == null ? Double.NaN : routedP99.get(deepest);
        aim(md, "administrator's message with 1,000 waiting ≥ 80 % of the rate with 10 waiting",
                deepest == null ? "not measured" : String.format(Locale.ROOT, "%.0f/s with %d waiting vs %.0f/s "
                        + "with 10: %s", dDeep, deepest, d10, f(dDeep / d10 * 100, "%.0f %%")),
                deepest != null && deepest >= 1000 && dDeep / d10 >= 0.8);
        aim(md, "p99 < 100 ms at 200 msg/s offered with 1,000 waiting",
                deepest == null ? "not measured" : String.format(Locale.ROOT, "%s ms with %d waiting",
                        f(pDeep, "%.0f"), deepest), deepest != null && deepest >= 1000 && pDeep < 100);
        double ratio = userRate.getOrDefault(200, Double.NaN) / echoRate.getOrDefault(200, Double.NaN);
        aim(md, "user's stored, acknowledged message ≥ 50 % of the echo rate (200 connections)",
                String.format(Locale.ROOT, "%s/s vs %s/s: %s", f(userRate.getOrDefault(200, Double.NaN), "%.0f"),
                        f(echoRate.getOrDefault(200, Double.NaN), "%.0f"), f(ratio * 100, "%.0f %%")), ratio >= 0.5);
        aim(md, "p99 < 50 ms at 1,000 msg/s offered (open loop)", String.format(Locale.ROOT,
                "%s ms (%s/s answered)", f(userOpenP99, "%.0f"), f(userOpenRate, "%.0f")),
                userOpenP99 < 50 && userOpenRate >= 950);
        aim(md, "8,000 idle widget connections with -Xmx512m", idleConnected < 0 ? "not measured"
                : idleConnected + " connected", idleConnected >= 8000);
        aim(md, "a broadcast-worthy change reaches every widget within 1 s", Double.isNaN(pushWithinOneSecond)
                ? "not measured" : String.format(Locale.ROOT, "%.1f %% within 1 s, last after %.0f ms",
                pushWithinOneSecond * 100, pushMaxMillis), pushWithinOneSecond >= 1.0);
        aim(md, "widgets connect at ≥ 1,000/s (returning users)", f(returningPerSecond, "%.0f/s"),
                returningPerSecond >= 1000);
        md.append("\nKill-and-recover (section 1 of the issue) is not timed here: its result (nothing "
                + "acknowledged is lost) does not depend on speed, so it is the integration test "
                + "`CrashRecoveryIT`, run on H2 and PostgreSQL.\n\n");
        md.append("## Figures\n\n");
        md.append("![Throughput and p99 latency against connections and queue depth](images/benchmark.png)\n\n");
        md.append("| scenario | connections / queue | rate /s | % of echo (same connections) | p50 ms | p99 ms "
                + "| heap MiB (after GC) | errors | note |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.load()).append(" | ")
                    .append(f(r.rate(), "%.0f")).append(" | ").append(f(r.ratio() * 100, "%.0f %%")).append(" | ")
                    .append(f(r.p50(), "%.1f")).append(" | ").append(f(r.p99(), "%.1f")).append(" | ")
                    .append(f(r.heapMiB(), "%.0f")).append(" | ").append(r.errors()).append(" | ")
                    .append(r.note()).append(" |\n");
        }
        md.append("\nHow to read it: *closed loop* means each connection sends its next message when the previous "
                + "one is acknowledged (the rate the hub sustains); *open loop* offers messages at a fixed "
                + "rate whatever the answers and counts latency from the moment each was due. Errors are "
                + "`error` frames, failed connections, or messages not acknowledged within 10 s of the end of "
                + "their window. Heap is the hub's heap in use after a full collection (`jcmd GC.run`, "
                + "`GC.heap_info`). The administrators' scenario uses a connected portal (a real activation "
                + "against an HTTPS fixture); its queue is filled by administrators who each ask one "
                + "question and stay connected, with no operator online, so every question waits; the "
                + "measured administrators send follow-up messages in their own waiting sessions.\n");
        if (!notes.isEmpty()) {
            md.append("\n## Notes of this run\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString().strip();
    }

    /** Written by hand from CrashRecoveryIT's runs, not by this benchmark: kept as it is when the file is rewritten. */
    static final String CRASH_SECTION = "## Crash and recover";

    /** Written by hand from profiles of the hub under this benchmark: kept as it is when the file is rewritten. */
    static final String PROFILE_SECTION = "## Where the time goes (profile)";

    /**
     * The section of the existing text {@code old} that starts with {@code heading}, up to the next section
     * of the same level, without blank lines around it; empty if there is none.
     */
    static String keptSection(String old, String heading) {
        int start = old.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = old.indexOf("\n## ", start + heading.length() + 2);
        return old.substring(start + 1, end < 0 ? old.length() : end + 1).strip();
    }

    private static void aim(StringBuilder md, String aim, String figure, boolean met) {
        md.append("| ").append(aim).append(" | ").append(figure).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private void chart(Path file) throws IOException {
        XYChart connections = chart("Against connections (closed loop)", "connections");
        series(connections, "echo rate", echoRate, 0);
        series(connections, "user message rate", userRate, 0);
        series(connections, "echo p99", echoP99, 1);
        series(connections, "user message p99", userP99, 1);
        XYChart depth = chart("Against queue depth (administrators)", "sessions waiting");
        depth.getStyler().setXAxisLogarithmic(true);
        series(depth, "ack rate, closed loop", routedRate, 0);
        series(depth, "p99 at 200/s offered", routedP99, 1);
        BufferedImage left = BitmapEncoder.getBufferedImage(connections);
        BufferedImage right = BitmapEncoder.getBufferedImage(depth);
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), left.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        ImageIO.write(both, "png", file.toFile());
    }

    static XYChart chart(String title, String x) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(x).yAxisTitle("messages/s")
                .build();
        c.setYAxisGroupTitle(1, "p99 latency, ms");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        return c;
    }

    static void series(XYChart chart, String name, TreeMap<Integer, Double> values, int axis) {
        // A latency that could not be measured (nothing was acknowledged) is left out, not drawn as 0 ms.
        double[] x = values.entrySet().stream().filter(e -> !e.getValue().isNaN())
                .mapToDouble(e -> e.getKey().doubleValue()).toArray();
        double[] y = values.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
        if (x.length == 0) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setYAxisGroup(axis);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
