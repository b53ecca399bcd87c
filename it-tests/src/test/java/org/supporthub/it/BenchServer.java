package org.supporthub.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro process of the benchmark (the hub or the bare echo): the Payara Micro jar the tests
 * use, started with the given JVM flags in a working folder of its own, so that the hub's default
 * {@code ./data} (database, keys, demo secret) is the benchmark's and nobody else's. Stopped, with every
 * process it started, by {@link #close()}.
 */
final class BenchServer implements AutoCloseable {

    final String name;
    final int port;
    final Process process;
    final Path workDir;
    private final Path log;

    private BenchServer(String name, int port, Process process, Path workDir, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.workDir = workDir;
        this.log = log;
    }

    /**
     * Starts {@code war} alone ({@code --nocluster}: no data grid) and waits until Payara Micro says it is
     * ready and, if {@code readyPath} is set, until that path answers 200.
     */
    static BenchServer start(String name, Path war, Path workDir, List<String> jvmFlags, List<String> systemProperties,
                             Map<String, String> environment, String readyPath) throws Exception {
        return start(name, war, workDir, jvmFlags, systemProperties, environment, readyPath, List.of("--nocluster"));
    }

    /**
     * Starts {@code war} with the given Payara Micro options after {@code --deploy} and {@code --port}:
     * {@code --nocluster} for a lone server, or the data grid's options ({@code --clustermode},
     * {@code --startport}, ...) for a member of a cluster.
     */
    static BenchServer start(String name, Path war, Path workDir, List<String> jvmFlags, List<String> systemProperties,
                             Map<String, String> environment, String readyPath, List<String> payaraOptions)
            throws Exception {
        Path jar = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Files.createDirectories(workDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString(), "--deploy", war.toAbsolutePath().toString(), "--port",
                String.valueOf(port)));
        command.addAll(payaraOptions);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        BenchServer server = new BenchServer(name, port, builder.start(), workDir, log);
        try {
            server.awaitReady(readyPath);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(String readyPath) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains(" ready in ")) {
                if (readyPath == null) {
                    return;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve(readyPath))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " was not ready within 180 s; see " + log);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /**
     * The heap in use after a full collection, in bytes, read with {@code jcmd GC.run} and
     * {@code GC.heap_info} (the JDK's own tools, so no agent or endpoint of the product is needed).
     */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
