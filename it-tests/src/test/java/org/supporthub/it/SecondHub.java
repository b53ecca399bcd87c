package org.supporthub.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second hub instance on the same database as the one Arquillian deployed: the same WAR on its own
 * Payara Micro process, started and stopped by the test itself, so that nothing outlives it. It inherits
 * the test's environment (the hub's settings); only its own ports differ.
 */
final class SecondHub implements AutoCloseable {

    private final Process process;
    final URL base;

    private SecondHub(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    static SecondHub start() throws Exception {
        return start(java.util.Map.of());
    }

    /** As {@link #start()}, with some of the hub's settings (environment variables) changed for this one. */
    static SecondHub start(java.util.Map<String, String> environment) throws Exception {
        Path jar = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = freePort();
        File log = Path.of("target", "second-hub.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, HubJvm.FLAGS.get(0), HubJvm.FLAGS.get(1),
                "-Dsupport.hub.demo.portal-port=8182", "-jar",
                jar.toString(), "--deploy", System.getProperty("hub.war"), "--port", String.valueOf(port),
                "--nocluster"))
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        Process process = builder.start();
        SecondHub hub = new SecondHub(process, URI.create("http://127.0.0.1:" + port + "/").toURL());
        try {
            hub.awaitReady();
        } catch (Exception | AssertionError e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The second hub exited with " + process.exitValue()
                        + "; see target/second-hub.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The second hub was not ready within 180 s; see target/second-hub.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Kills the process outright (SIGKILL on Linux, as {@code kill -9}): no shutdown hook, nothing saved. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The second hub did not die");
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
