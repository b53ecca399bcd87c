package org.supporthub.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledgement is a promise that survives {@code kill -9}: many widget users send as fast as their
 * acknowledgements come back, the hub process is killed with SIGKILL at a random moment, started again on
 * the same data, and every user's history (replayed from sequence 0) is checked against what was
 * acknowledged: each acknowledged {@code clientMsgId} stored with exactly the {@code seq} it was
 * acknowledged with, no {@code clientMsgId} twice, sequence numbers 1..n without gaps or repeats, and
 * numbers handed out after the restart never reuse one.
 *
 * <p>The hub is a Payara Micro process of the test's own (the WAR as built), on the database of the run:
 * a fresh embedded H2 file with the default URL's form (no settings in it), or PostgreSQL in
 * {@code .ci/run}'s second run, where its own portal keeps its conversations apart from other classes'.
 */
class CrashRecoveryIT {

    private static final int USERS = 30;
    private static final Path DATA = Path.of("target",
            postgres() ? "it-data-crash-postgresql" : "it-data-crash").toAbsolutePath();

    @Test
    void everyAcknowledgedMessageSurvivesKillDashNine() throws Exception {
        deleteRecursively(DATA);
        Files.createDirectories(DATA);
        long started = System.nanoTime();
        HubClient.Portal portal;
        Map<Integer, Map<String, Long>> acked = new ConcurrentHashMap<>();
        Map<Integer, String> unacked = new ConcurrentHashMap<>();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        long killedAfterMillis = ThreadLocalRandom.current().nextLong(2000, 5001);
        try (HubUnderTest hub = HubUnderTest.start(DATA.resolve("before-crash.log"))) {
            HubClient client = new HubClient(hub.base);
            portal = client.registerEnabledPortal("en");
            List<ChatClient> sockets = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                ChatClient chat = ChatClient.connect(client, client.ownOrigin());
                chat.hello(token(portal, u), null);
                // Setting up on a hub that has just started, on a busy machine: the first answers may be slow.
                chat.nextOfType("welcome", 30);
                sockets.add(chat);
                acked.put(u, new ConcurrentHashMap<>());
            }
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService senders = Executors.newFixedThreadPool(USERS);
            for (int u = 0; u < USERS; u++) {
                int user = u;
                senders.execute(() -> sendUntilTheHubDies(sockets.get(user), acked.get(user), unacked, problems, user, stop));
            }
            Thread.sleep(killedAfterMillis);
            hub.kill();
            stop.set(true);
            senders.shutdown();
            assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).as("the senders noticed the hub's end").isTrue();
            sockets.forEach(ChatClient::close);
        }
        assertThat(problems).as("answers other than acknowledgements before the kill").isEmpty();
        long ackedCount = acked.values().stream().mapToLong(Map::size).sum();
        assertThat(ackedCount).as("messages acknowledged before the kill").isGreaterThan(USERS);

        long lost = 0;
        try (HubUnderTest hub = HubUnderTest.start(DATA.resolve("after-crash.log"))) {
            HubClient client = new HubClient(hub.base);
            for (int u = 0; u < USERS; u++) {
                History history = history(client, portal, u);
                Map<String, Long> mine = acked.get(u);
                for (Map.Entry<String, Long> a : mine.entrySet()) {
                    Long stored = history.seqByClientMsgId.get(a.getKey());
                    if (stored == null) {
                        lost++;
                    } else {
                        assertThat(stored).as("user %d's message %s is stored with the seq it was acknowledged with",
                                u, a.getKey()).isEqualTo(a.getValue());
                    }
                }
                assertThat(history.duplicates).as("clientMsgIds stored twice for user " + u).isEmpty();
                assertThat(history.seqs).as("user %d's sequence numbers are 1..n, each once", u)
                        .containsExactlyElementsOf(range(history.lastSeq));

                // After the restart: the message in flight at the kill, resent as a client does, is stored at
                // most once, and a new message gets a number above every one handed out before.
                try (ChatClient chat = ChatClient.connect(client, client.ownOrigin())) {
                    chat.hello(token(portal, u), history.lastSeq);
                    chat.nextOfType("welcome");
                    String inFlight = unacked.get(u);
                    if (inFlight != null) {
                        chat.message(inFlight, "resent after the restart");
                        JsonObject ack = ackOf(chat, inFlight, "resent after the restart");
                        Long before = history.seqByClientMsgId.get(inFlight);
                        if (before != null) {
                            assertThat(ack.getBoolean("duplicate")).isTrue();
                            assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(before);
                        } else {
                            assertThat(ack.getJsonNumber("seq").longValue()).isGreaterThan(history.lastSeq);
                        }
                    }
                    String fresh = UUID.randomUUID().toString();
                    chat.message(fresh, "after the restart");
                    JsonObject ack = ackOf(chat, fresh, "a new message after the restart");
                    assertThat(ack.getBoolean("duplicate")).isFalse();
                    assertThat(ack.getJsonNumber("seq").longValue()).as("no sequence number is handed out again")
                            .isGreaterThan(history.lastSeq);
                }
            }
        }
        String figures = "Crash and recover (" + (postgres() ? "PostgreSQL" : "H2") + "): " + USERS + " users, kill -9 after "
                + killedAfterMillis + " ms, " + ackedCount + " messages acknowledged, " + lost + " lost; "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s in all";
        System.out.println(figures);
        Files.writeString(DATA.resolve("figures.txt"), figures + System.lineSeparator());
        assertThat(lost).as("acknowledged messages missing after the restart (of " + ackedCount + ")").isZero();
    }

    /** One user in a closed loop: a message, its acknowledgement, the next message, until the hub is gone. */
    private static void sendUntilTheHubDies(ChatClient chat, Map<String, Long> acked, Map<Integer, String> unacked,
                                            Queue<String> problems, int user, AtomicBoolean stop) {
        int n = 0;
        while (!stop.get()) {
            String id = UUID.randomUUID().toString();
            unacked.put(user, id);
            try {
                chat.message(id, "message " + (++n) + " of user " + user);
            } catch (RuntimeException e) {
                return; // the connection is gone
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                JsonObject f;
                try {
                    f = chat.poll(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (f == null) {
                    if (chat.closeCode.isDone() || System.nanoTime() > deadline) {
                        return;
                    }
                    continue;
                }
                if (ChatClient.type(f, "ack") && id.equals(f.getString("clientMsgId"))) {
                    acked.put(id, f.getJsonNumber("seq").longValue());
                    unacked.remove(user);
                    break;
                }
                if (ChatClient.type(f, "error")) {
                    problems.add("user " + user + " got " + f);
                    return;
                }
            }
        }
    }

    /** A user's whole conversation, replayed by the (restarted) hub from sequence 0; ClusterIT reads it too. */
    record History(long lastSeq, List<Long> seqs, Map<String, Long> seqByClientMsgId, Set<String> duplicates) {
    }

    static History history(HubClient client, HubClient.Portal portal, int user) throws Exception {
        try (ChatClient chat = ChatClient.connect(client, client.ownOrigin())) {
            chat.hello(token(portal, user), 0L);
            long lastSeq = chat.nextOfType("welcome").getJsonNumber("lastSeq").longValue();
            List<Long> seqs = new ArrayList<>();
            Map<String, Long> byId = new HashMap<>();
            Set<String> duplicates = new HashSet<>();
            while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < lastSeq) {
                if (lastSeq == 0) {
                    break;
                }
                JsonObject f = chat.nextOfType("message");
                long seq = f.getJsonNumber("seq").longValue();
                seqs.add(seq);
                if (f.containsKey("clientMsgId") && !f.isNull("clientMsgId")
                        && byId.put(f.getString("clientMsgId"), seq) != null) {
                    duplicates.add(f.getString("clientMsgId"));
                }
            }
            return new History(lastSeq, seqs, byId, duplicates);
        }
    }

    private static JsonObject ackOf(ChatClient chat, String clientMsgId, String what) throws InterruptedException {
        List<JsonObject> seen = chat.until(f -> (ChatClient.type(f, "ack") && clientMsgId.equals(f.getString("clientMsgId")))
                || ChatClient.type(f, "error"));
        JsonObject last = seen.get(seen.size() - 1);
        assertThat(ChatClient.type(last, "ack")).as(what + ": " + last).isTrue();
        return last;
    }

    private static List<Long> range(long n) {
        List<Long> all = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            all.add(i);
        }
        return all;
    }

    static String token(HubClient.Portal portal, int user) {
        return HubClient.token(portal, "crash-user-" + user, "Crash User " + user, false, "en",
                Instant.now().plusSeconds(600));
    }

    private static boolean postgres() {
        return System.getProperty("hub.it.db.url", "").startsWith("jdbc:postgresql:");
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

    /**
     * The hub as its own Payara Micro process, on the crash test's data: the embedded H2 URL in the form the
     * README's default has (nothing about write delays in it), or the run's PostgreSQL.
     */
    static final class HubUnderTest implements AutoCloseable {

        private final Process process;
        final URL base;

        private HubUnderTest(Process process, URL base) {
            this.process = process;
            this.base = base;
        }

        static HubUnderTest start(Path log) throws Exception {
            Path jar = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", HubJvm.FLAGS.get(0), HubJvm.FLAGS.get(1),
                    // The test's environment carries another database's settings: system properties outrank it.
                    "-Dsupport.hub.mode=development",
                    "-Dsupport.hub.data-dir=" + DATA,
                    "-Dsupport.hub.demo.portal-port=8184"));
            if (postgres()) {
                command.addAll(List.of("-Dsupport.hub.db.url=" + System.getProperty("hub.it.db.url"),
                        "-Dsupport.hub.db.datasource-class=org.postgresql.ds.PGSimpleDataSource",
                        "-Dsupport.hub.db.user=" + System.getProperty("hub.it.db.user"),
                        "-Dsupport.hub.db.password=" + System.getProperty("hub.it.db.password")));
            } else {
                command.addAll(List.of("-Dsupport.hub.db.url=jdbc:h2:file:" + DATA.resolve("hub"),
                        "-Dsupport.hub.db.datasource-class=org.h2.jdbcx.JdbcDataSource",
                        "-Dsupport.hub.db.user=hub", "-Dsupport.hub.db.password=hub"));
            }
            command.addAll(List.of("-jar", jar.toString(), "--deploy", System.getProperty("hub.war"),
                    "--port", String.valueOf(port), "--nocluster"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            HubUnderTest hub = new HubUnderTest(process, URI.create("http://127.0.0.1:" + port + "/").toURL());
            try {
                hub.awaitReady(log);
            } catch (Exception | AssertionError e) {
                hub.close();
                throw e;
            }
            return hub;
        }

        private void awaitReady(Path log) throws Exception {
            // Plain HTTP/1.1: a fresh client per attempt, no h2c upgrade carried over from the 503 that
            // Payara answers while it deploys.
            Object last = "no answer";
            // A ceiling, not a measure (a hub boots in about 25 s alone, far slower on a busy CI machine).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The hub exited with " + process.exitValue() + "; see " + log);
                }
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve("health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                    last = r.statusCode() + " " + r.body();
                } catch (IOException e) {
                    last = e; // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The hub was not ready within 120 s (last: " + last + "); see " + log);
        }

        /** SIGKILL (what {@code destroyForcibly} sends on Linux) to the JVM and anything it started. */
        void kill() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the hub died").isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (!process.isAlive()) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
