package org.supporthub.it;

import jakarta.json.JsonObject;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hub instances clustered on Payara's data grid, on loopback, with nginx in front: what
 * {@code cluster/start.sh} runs, started and stopped by a test. Each instance is the built WAR on a Payara
 * Micro process of its own, with static members ({@code --clustermode tcpip}) on free ports and a cluster
 * name of this run only, so no other Payara on the machine joins. The instances inherit the test's
 * environment (the run's database and the hub's settings); {@code properties} add system properties, which
 * outrank it. nginx runs as a child process ({@code daemon off}) with a configuration written into
 * {@code target/cluster} from the repository's {@code cluster/nginx.conf.template}.
 */
final class HubCluster implements AutoCloseable {

    private static final Path DIR = Path.of("target", "cluster").toAbsolutePath();

    private final String name = "supporthub-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final int[] ports;
    private final int[] gridPorts;
    private final Process[] hubs;
    private final List<String> properties;
    private final int nginxPort;
    private Process nginx;

    private HubCluster(int size, List<String> properties) throws IOException {
        this.ports = freePorts(size);
        this.gridPorts = freePorts(size);
        this.hubs = new Process[size];
        this.properties = properties;
        this.nginxPort = freePorts(1)[0];
    }

    /**
     * Starts {@code size} instances and nginx, and waits until each instance is ready and the grid has all
     * of them. The first instance starts alone (it migrates the database and seeds the demo data once), the
     * others together after it.
     */
    static HubCluster start(int size, Map<String, String> systemProperties) throws Exception {
        Files.createDirectories(DIR);
        List<String> props = systemProperties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.toList());
        HubCluster cluster = new HubCluster(size, props);
        try {
            cluster.startHub(0);
            cluster.awaitReady(0);
            IntStream.range(1, size).forEach(i -> cluster.startHub(i));
            CompletableFuture.allOf(IntStream.range(1, size).mapToObj(i -> CompletableFuture.runAsync(() -> {
                try {
                    cluster.awaitReady(i);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toArray(CompletableFuture[]::new)).join();
            cluster.startNginx();
            cluster.awaitMembers(size, 60);
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    int size() {
        return hubs.length;
    }

    /** The instance itself, for a test that needs to place a socket on it. */
    URL base(int i) {
        return url("http://127.0.0.1:" + ports[i] + "/");
    }

    /** nginx, in front of all instances. */
    URL balancer() {
        return url("http://127.0.0.1:" + nginxPort + "/");
    }

    private static URL url(String s) {
        try {
            return URI.create(s).toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path log(int i) {
        return DIR.resolve("hub-" + (i + 1) + ".log");
    }

    private void startHub(int i) {
        try {
            Path jar = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String members = IntStream.of(gridPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    // As cluster/node.sh: a member gone silent is dropped after 5 s, not Hazelcast's 60 s.
                    "-Dhazelcast.heartbeat.interval.seconds=1", "-Dhazelcast.max.no.heartbeat.seconds=5",
                    // Development mode's demo portal face: a port of its own per instance.
                    "-Dsupport.hub.demo.portal-port=" + freePorts(1)[0]));
            command.addAll(properties);
            command.addAll(List.of("-jar", jar.toString(), "--deploy", System.getProperty("hub.war"),
                    "--port", String.valueOf(ports[i]), "--clustermode", "tcpip:" + members,
                    "--startport", String.valueOf(gridPorts[i]), "--interfaces", "127.0.0.1",
                    "--clustername", name, "--name", "hub-" + (i + 1)));
            File log = log(i).toFile();
            hubs[i] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start hub " + (i + 1), e);
        }
    }

    private void awaitReady(int i) throws Exception {
        Object last = "no answer";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!hubs[i].isAlive()) {
                throw new AssertionError("Hub " + (i + 1) + " exited with " + hubs[i].exitValue() + "; see " + log(i));
            }
            try {
                HttpResponse<String> r = http().send(HttpRequest.newBuilder(base(i).toURI().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Hub " + (i + 1) + " was not ready within 240 s (last: " + last + "); see " + log(i));
    }

    private static HttpClient http() {
        // A fresh HTTP/1.1 client: no h2c upgrade carried over from the 503 Payara answers while deploying.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private void startNginx() throws Exception {
        Path prefix = DIR.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        String servers = IntStream.of(ports)
                .mapToObj(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        String template = Files.readString(Path.of(System.getProperty("hub.cluster.nginx-template",
                "../cluster/nginx.conf.template")));
        Files.writeString(prefix.resolve("nginx.conf"), template.replace("@LISTEN@", "127.0.0.1:" + nginxPort)
                .replace("@SERVERS@", servers));
        String binary = List.of("/usr/sbin/nginx", "/usr/bin/nginx").stream().filter(b -> new File(b).canExecute())
                .findFirst().orElseThrow(() -> new AssertionError(
                        "nginx is missing: apt-get install -y nginx-light (.ci/run installs it)"));
        nginx = new ProcessBuilder(binary, "-p", prefix + "/", "-c", "nginx.conf", "-e", "logs/error.log",
                "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("nginx.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited with " + nginx.exitValue() + "; see " + DIR.resolve("nginx.log"));
            }
            try {
                if (http().send(HttpRequest.newBuilder(balancer().toURI().resolve("health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not answer within 20 s");
    }

    /** {@code GET /api/v1/admin/cluster} of one instance, as the run's bootstrap manager. */
    JsonObject view(int i) throws Exception {
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        HttpResponse<String> r = new HubClient(base(i)).getAs("api/v1/admin/cluster", manager[0], manager[1]);
        if (r.statusCode() != 200) {
            throw new AssertionError("cluster view of hub " + (i + 1) + ": " + r.statusCode() + " " + r.body());
        }
        return Json.parse(r.body());
    }

    /** Waits until every running instance's grid has {@code n} members. */
    void awaitMembers(int n, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (int i = 0; i < hubs.length; i++) {
                if (hubs[i] != null && hubs[i].isAlive()) {
                    seen.put(i + 1, view(i).getJsonArray("members").size());
                }
            }
            if (seen.values().stream().allMatch(m -> m == n)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The grid did not settle at " + n + " members within " + seconds + " s: " + seen);
    }

    /** {@code kill -9} of one instance: SIGKILL, no shutdown hook, its sockets cut. */
    void kill(int i) throws InterruptedException {
        hubs[i].destroyForcibly();
        if (!hubs[i].waitFor(20, TimeUnit.SECONDS) || hubs[i].exitValue() != 137) {
            throw new AssertionError("hub " + (i + 1) + " was not killed by SIGKILL");
        }
    }

    boolean alive(int i) {
        return hubs[i] != null && hubs[i].isAlive();
    }

    /** Starts a stopped or killed instance again on its ports, and waits until it is ready. */
    void restart(int i) throws Exception {
        if (alive(i)) {
            throw new IllegalStateException("hub " + (i + 1) + " still runs");
        }
        startHub(i);
        awaitReady(i);
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.destroy();
        }
        for (Process p : hubs) {
            if (p != null) {
                p.destroy();
            }
        }
        for (Process p : hubs) {
            if (p != null) {
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (nginx != null) {
            try {
                if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
