package org.supporthub.it;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.supporthub.it.BenchCluster.Latency;
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
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The cluster scenario's figures (issue 12): the printed lines, the {@value #SECTION} section of
 * {@code docs/benchmarks.md} and its chart {@code docs/images/benchmark-cluster.png}.
 */
final class BenchClusterReport {

    /** The section's heading; {@link BenchReport} keeps the section as it was when the scenario did not run. */
    static final String SECTION = "## Cluster (issue 12)";
    static final String CHART = "benchmark-cluster.png";
    /** Issue 12's aim: a message stored on instance A reaches a socket on instance B with p99 under this. */
    static final double AIM_P99_MILLIS = 50;

    /** One throughput figure: the users' closed loop over {@code instances} instances. */
    record Throughput(int instances, int connections, int failed, double rate, double p50, double p99, long errors) {
    }

    private final List<String> jvmFlags;
    private final Duration measure;
    private final String loadBefore = BenchReport.loadAverage();
    private final TreeMap<Integer, Throughput> throughput = new TreeMap<>();
    private final TreeMap<Integer, Latency> latency = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private String database = "PostgreSQL";

    BenchClusterReport(List<String> jvmFlags, Duration measure) {
        this.jvmFlags = jvmFlags;
        this.measure = measure;
    }

    boolean measured() {
        return !throughput.isEmpty() || !latency.isEmpty();
    }

    void database(String version) {
        database = version;
    }

    void note(String note) {
        notes.add(note);
    }

    void throughput(int instances, int connections, int failed, Recorder r) {
        throughput.put(instances, new Throughput(instances, connections, failed, r.rate(), r.percentileMillis(0.5),
                r.percentileMillis(0.99), r.errors.sum() + failed));
    }

    void latency(Latency l) {
        latency.put(l.instances(), l);
    }

    /** The percentile {@code q} of sorted nanoseconds, in milliseconds; NaN if there are none. */
    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    private static boolean aimMet(Latency l) {
        return l.notDelivered() == 0 && pct(l.delivered(), 0.99) < AIM_P99_MILLIS;
    }

    private static String f(double v, String format) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    // ---- output -----------------------------------------------------------------------------------------

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %-12s %9s %9s %9s %7s%n", "instances", "connections", "rate/s",
                "p50 ms", "p99 ms", "errors");
        for (Throughput t : throughput.values()) {
            System.out.printf(Locale.ROOT, "%-10d %-12d %9s %9s %9s %7d%n", t.instances(), t.connections(),
                    f(t.rate(), "%.0f"), f(t.p50(), "%.1f"), f(t.p99(), "%.1f"), t.errors());
        }
        for (Latency l : latency.values()) {
            System.out.printf(Locale.ROOT, "cross-instance, %d instances, %d messages: p50 %s ms, p95 %s ms, p99 %s ms "
                            + "(aim p99 < %.0f ms: %s), not delivered %d; A's ack p99 %s ms%n", l.instances(), l.sent(),
                    f(pct(l.delivered(), 0.5), "%.1f"), f(pct(l.delivered(), 0.95), "%.1f"),
                    f(pct(l.delivered(), 0.99), "%.1f"), AIM_P99_MILLIS, aimMet(l) ? "met" : "NOT met",
                    l.notDelivered(), f(l.acks().percentileMillis(0.99), "%.1f"));
            l.byReceiver().forEach((receiver, b) -> System.out.printf(Locale.ROOT, "  received on instance %d: %d "
                            + "messages, p50 %s ms, p99 %s ms, not delivered %d%n", receiver, b.sent(),
                    f(pct(b.delivered(), 0.5), "%.1f"), f(pct(b.delivered(), 0.99), "%.1f"), b.notDelivered()));
        }
        notes.forEach(n -> System.out.println("cluster note: " + n));
    }

    /** The section's markdown (from its heading, no trailing blank line); draws the chart into {@code images}. */
    String section(Path images) throws IOException {
        Files.createDirectories(images);
        chart(images.resolve(CHART));
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("Written by the benchmark's `cluster` scenario, which needs a PostgreSQL and runs on request:\n\n"
                + "```sh\nmvn -B -Pbenchmark -pl it-tests -am verify -DskipTests -Dbench.scenarios=cluster\n```\n\n"
                + "(a run of other scenarios leaves this section as it is, and this scenario leaves the sections "
                + "above as they are). The same `ROOT.war` runs on 1, then 2, then 3 Payara Micro instances on "
                + "this machine, started one after the other with the same JVM flags (`")
                .append(String.join(" ", jvmFlags)).append("`), development mode and raised abuse limits as "
                        + "above, members of one data grid on loopback (`--clustermode tcpip:127.0.0.1:6971,… "
                        + "--interfaces 127.0.0.1 --startport 697k --clustername " + BenchCluster.CLUSTER_NAME
                        + "`: instance k lists itself and the instances before it), sharing one PostgreSQL "
                        + "database (a schema of its own, `" + BenchCluster.PG_SCHEMA + "`, dropped and created at "
                        + "the start), one data folder and one `SUPPORT_HUB_SECRET_KEY`. Each instance waited for "
                        + "`/health/ready`, and every instance's `GET /api/v1/admin/cluster` for all members, "
                        + "before anything was measured. The load driver is the same `LoadDriver` in one more JVM "
                        + "on the same two cores, so more instances here share the cores, not add to them.\n\n");
        md.append("### Machine\n\n| | |\n|---|---|\n");
        md.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        md.append("| database | ").append(database).append(" on the same machine |\n");
        md.append("| load average before / after (1, 5, 15 min) | ").append(loadBefore).append(" / ")
                .append(BenchReport.loadAverage()).append(" |\n");
        md.append("| measured window | ").append(measure.toSeconds()).append(" s per figure, after a warm-up |\n\n");

        md.append("### Aim of issue 12 beside the figures\n\n| aim | figure | met |\n|---|---|---|\n");
        if (latency.isEmpty()) {
            md.append("| a message stored on instance A reaches a socket on instance B with p99 < 50 ms on loopback "
                    + "| not measured | **no** |\n");
        }
        for (Latency l : latency.values()) {
            md.append(String.format(Locale.ROOT, "| a message stored on instance A reaches a socket on instance B "
                            + "with p99 < %.0f ms on loopback (%d instances) | p99 %s ms over %d messages, %d not "
                            + "delivered | %s |\n", AIM_P99_MILLIS, l.instances(), f(pct(l.delivered(), 0.99), "%.1f"),
                    l.sent(), l.notDelivered(), aimMet(l) ? "yes" : "**no**"));
        }
        md.append("\n![Users' message rate against instances; cross-instance delivery time](images/")
                .append(CHART).append(")\n\n");

        md.append("### Users' messages stored and acknowledged, closed loop\n\n");
        md.append("| instances | widget users (per instance) | rate /s | against 1 instance | p50 ms | p99 ms "
                + "| errors |\n|---|---|---|---|---|---|---|\n");
        Throughput one = throughput.get(1);
        for (Throughput t : throughput.values()) {
            md.append("| ").append(t.instances()).append(" | ").append(t.connections()).append(" (")
                    .append(perInstance(t)).append(") | ").append(f(t.rate(), "%.0f")).append(" | ")
                    .append(one == null ? "–" : f(t.rate() / one.rate() * 100, "%.0f %%")).append(" | ")
                    .append(f(t.p50(), "%.1f")).append(" | ").append(f(t.p99(), "%.1f")).append(" | ")
                    .append(t.errors()).append(" |\n");
        }
        md.append("\n### Cross-instance latency: sent on instance A, received on instance B\n\n");
        md.append("| instances | conversations | offered /s | measured messages | B receives: p50 ms | p95 ms "
                + "| p99 ms | max ms | not delivered | A's ack: p50 ms | p99 ms | not acknowledged | p99 < 50 ms "
                + "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Latency l : latency.values()) {
            md.append("| ").append(l.instances()).append(" | ").append(l.conversations()).append(" | ")
                    .append(f(l.offeredPerSecond(), "%.0f")).append(" | ").append(l.sent()).append(" | ")
                    .append(f(pct(l.delivered(), 0.5), "%.1f")).append(" | ")
                    .append(f(pct(l.delivered(), 0.95), "%.1f")).append(" | ")
                    .append(f(pct(l.delivered(), 0.99), "%.1f")).append(" | ")
                    .append(f(pct(l.delivered(), 1.0), "%.1f")).append(" | ").append(l.notDelivered()).append(" | ")
                    .append(f(l.acks().percentileMillis(0.5), "%.1f")).append(" | ")
                    .append(f(l.acks().percentileMillis(0.99), "%.1f")).append(" | ")
                    .append(l.notAcknowledged()).append(" | ").append(aimMet(l) ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nThe same messages by the instance that received them (B; instance k was started k-th):\n\n");
        md.append("| instances | received on | messages | p50 ms | p95 ms | p99 ms | max ms | not delivered |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Latency l : latency.values()) {
            l.byReceiver().forEach((receiver, b) -> md.append("| ").append(l.instances()).append(" | instance ")
                    .append(receiver).append(" | ").append(b.sent()).append(" | ")
                    .append(f(pct(b.delivered(), 0.5), "%.1f")).append(" | ")
                    .append(f(pct(b.delivered(), 0.95), "%.1f")).append(" | ")
                    .append(f(pct(b.delivered(), 0.99), "%.1f")).append(" | ")
                    .append(f(pct(b.delivered(), 1.0), "%.1f")).append(" | ").append(b.notDelivered())
                    .append(" |\n"));
        }
        md.append("\nHow to read it: the rate is the `users` scenario's closed loop (each widget user sends its next "
                + "message when the previous one is acknowledged), with the users spread evenly over the "
                + "instances and each connected straight to its instance's `/ws/chat` (no load balancer); errors "
                + "are failed connections, `error` frames and messages not acknowledged within 10 s of the end of "
                + "the window. For the latency, each conversation is one widget user with a socket on instance "
                + "k mod n (A) and another on the next instance (B), the same token, so the same conversation; "
                + "the messages are offered at a fixed rate in all, round-robin over the A sockets, for a 2 s "
                + "warm-up and the measured window, and each is timed from its send on A to the `message` frame "
                + "with its `clientMsgId` on B (stored on A, published on the grid after commit, pushed by B) "
                + "and to its `ack` on A. A message not received on B within 10 s of the window's end counts as "
                + "not delivered (the database catch-up, every 20 s in a cluster, would bring it later).\n");
        if (!notes.isEmpty()) {
            md.append("\n### Notes of the cluster run\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString().strip();
    }

    private static String perInstance(Throughput t) {
        int n = t.instances();
        int lo = t.connections() / n;
        int hi = lo + (t.connections() % n == 0 ? 0 : 1);
        return lo == hi ? lo + " each" : lo + "-" + hi + " each";
    }

    private void chart(Path file) throws IOException {
        XYChart rate = BenchReport.chart("Users' messages against instances (closed loop)", "hub instances");
        TreeMap<Integer, Double> rates = new TreeMap<>();
        TreeMap<Integer, Double> p99 = new TreeMap<>();
        throughput.values().forEach(t -> {
            rates.put(t.instances(), t.rate());
            p99.put(t.instances(), t.p99());
        });
        BenchReport.series(rate, "ack rate", rates, 0);
        BenchReport.series(rate, "ack p99", p99, 1);
        rate.getStyler().setXAxisDecimalPattern("0");

        XYChart cdf = new XYChartBuilder().width(640).height(420).title("Sent on instance A, received on instance B")
                .xAxisTitle("ms after the send").yAxisTitle("% of messages received").build();
        cdf.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        cdf.getStyler().setChartBackgroundColor(Color.WHITE);
        cdf.getStyler().setYAxisMin(0.0);
        cdf.getStyler().setYAxisMax(100.0);
        double right = AIM_P99_MILLIS * 1.5;
        for (Latency l : latency.values()) {
            long[] d = l.delivered();
            if (d.length == 0) {
                continue;
            }
            right = Math.max(right, Math.min(pct(d, 0.999) * 1.1, 1000));
            // The share received by each moment, as a share of all measured messages (the undelivered never arrive).
            int points = Math.min(d.length, 400);
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                int at = (int) ((long) (i + 1) * d.length / points) - 1;
                x[i] = d[at] / 1e6;
                y[i] = (at + 1) * 100.0 / l.sent();
            }
            XYSeries s = cdf.addSeries(l.instances() + " instances", x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        XYSeries aim = cdf.addSeries("aim: p99 < " + (int) AIM_P99_MILLIS + " ms", new double[]{0, AIM_P99_MILLIS,
                AIM_P99_MILLIS}, new double[]{99, 99, 0});
        aim.setMarker(SeriesMarkers.NONE);
        aim.setLineColor(Color.GRAY);
        cdf.getStyler().setXAxisMin(0.0);
        cdf.getStyler().setXAxisMax(right);

        BufferedImage left = BitmapEncoder.getBufferedImage(rate);
        BufferedImage rightImage = BitmapEncoder.getBufferedImage(cdf);
        BufferedImage both = new BufferedImage(left.getWidth() + rightImage.getWidth(), left.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(rightImage, left.getWidth(), 0, null);
        g.dispose();
        ImageIO.write(both, "png", file.toFile());
    }
}
