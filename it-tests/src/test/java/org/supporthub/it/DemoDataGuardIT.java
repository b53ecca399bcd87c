package org.supporthub.it;

import org.junit.jupiter.api.Test;

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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data never serves in production: a hub started in development mode on a data folder and database
 * seeds the demo; a hub started in production on the same ones refuses to start and names what it found.
 * Both are Payara Micro processes of the test's own (the WAR as built), on a database of their own.
 */
class DemoDataGuardIT {

    private static final Path DATA = Path.of("target", "it-data-demo-guard").toAbsolutePath();
    /**
     * A ceiling, not a measure: alone a hub boots here in about 25 s, but CI once took over 150 s beside the
     * suite's other hub on two cores, and the test failed on the wait, not on what it proves.
     */
    private static final long BOOT_CEILING_SECONDS = 300;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void productionRefusesToStartOnWhatDevelopmentSeeded() throws Exception {
        deleteRecursively(DATA);
        Files.createDirectories(DATA);
        int port = freePort();
        Process development = start("development", port, DATA.resolve("development.log"));
        try {
            awaitStatus(development, port, "api/v1/info", 200, DATA.resolve("development.log"));
        } finally {
            stop(development);
        }

        port = freePort();
        Path log = DATA.resolve("production.log");
        Process production = start("production", port, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_CEILING_SECONDS);
            while (System.nanoTime() < deadline && production.isAlive() && !read(log).contains("REFUSES TO START")) {
                Thread.sleep(500);
            }
            String said = read(log);
            assertThat(said).as("production's log").contains("SUPPORT HUB REFUSES TO START IN PRODUCTION")
                    .contains("the demo portal").contains("'operator'").contains("'demo-manager'")
                    .contains("published demo password");
            // Whatever the server does after the refused deployment, it serves nothing of the hub.
            assertThat(status(port, "api/v1/info")).isNotEqualTo(200);
            assertThat(status(port, "demo/api/token?user=admin")).isNotEqualTo(200);
        } finally {
            stop(production);
        }
    }

    private static Process start(String mode, int port, Path log) throws Exception {
        Path jar = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(HubJvm.FLAGS);
        command.addAll(List.of("-Dsupport.hub.mode=" + mode,
                // Production's own work factor (the suite's environment lowers it for development hubs).
                "-Dsupport.hub.staff.password-iterations=" + (mode.equals("production") ? "600000" : "20000"),
                "-Dsupport.hub.db.url=jdbc:h2:file:" + DATA.resolve("hub") + ";AUTO_SERVER=TRUE",
                "-Dsupport.hub.db.datasource-class=org.h2.jdbcx.JdbcDataSource",
                "-Dsupport.hub.db.user=hub", "-Dsupport.hub.db.password=hub",
                "-Dsupport.hub.data-dir=" + DATA,
                "-Dsupport.hub.demo.portal-port=8183",
                "-jar", jar.toString(), "--deploy", System.getProperty("hub.war"), "--port", String.valueOf(port),
                "--nocluster"));
        File out = log.toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
    }

    private void awaitStatus(Process process, int port, String path, int expected, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_CEILING_SECONDS);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the hub exited; see " + log).isTrue();
            if (status(port, path) == expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The hub did not answer " + expected + " on " + path + "; see " + log);
    }

    private int status(int port, String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
