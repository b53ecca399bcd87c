package org.supporthub.core.infrastructure.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.PeriodicTurns;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data grid pieces on a real grid: two Hazelcast members (the engine Payara Micro embeds, same
 * version) formed on loopback in this test, standing for two hub instances.
 */
class DataGridTest {

    private static HazelcastInstance first;
    private static HazelcastInstance second;
    private static ExecutorService threads;

    @BeforeAll
    static void formGrid() {
        String name = "supporthub-test-" + UUID.randomUUID();
        first = Hazelcast.newHazelcastInstance(config(name));
        second = Hazelcast.newHazelcastInstance(config(name));
        threads = Executors.newFixedThreadPool(8);
        assertThat(first.getCluster().getMembers()).hasSize(2);
    }

    private static Config config(String clusterName) {
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.getNetworkConfig().setPort(5801).setPortAutoIncrement(true).setPortCount(4);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        // Listed one by one: the grid does not parse a port range here.
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:5801").addMember("127.0.0.1:5802")
                .addMember("127.0.0.1:5803").addMember("127.0.0.1:5804");
        return c;
    }

    @AfterAll
    static void leave() {
        if (threads != null) {
            threads.shutdownNow();
        }
        Hazelcast.shutdownAll();
    }

    private static GridTurns turns(HazelcastInstance h, Clock clock) {
        GridTurns t = new GridTurns();
        t.grid = new DataGrid(h);
        t.clock = clock;
        t.executor = threads;
        // A loaded test machine may be slower than a beat's bounded wait: here every claim must answer.
        t.longestWait = 30_000;
        return t;
    }

    private static GridMessaging messaging(HazelcastInstance h) {
        GridMessaging m = new GridMessaging();
        m.grid = new DataGrid(h);
        m.threads = Thread::new;
        m.listen();
        return m;
    }

    @Test
    void eachBeatOfAJobIsTakenByExactlyOneInstanceWhenBothWakeAtOnce() throws Exception {
        String job = "job-" + UUID.randomUUID();
        long period = 1_000;
        Map<Long, Integer> runs = new HashMap<>();
        for (long beat = 1_000; beat < 1_100; beat++) {
            Clock at = Clock.fixed(Instant.ofEpochMilli(beat * period + period / 2), ZoneOffset.UTC);
            GridTurns a = turns(first, at);
            GridTurns b = turns(second, at);
            CountDownLatch start = new CountDownLatch(1);
            Future<OptionalLong> fa = threads.submit(() -> { start.await(); return a.take(job, period); });
            Future<OptionalLong> fb = threads.submit(() -> { start.await(); return b.take(job, period); });
            start.countDown();
            fa.get(5, TimeUnit.SECONDS);
            fb.get(5, TimeUnit.SECONDS);
            for (GridTurns t : List.of(a, b)) {
                t.ranHere().getOrDefault(job, List.of()).forEach(n -> runs.merge(n, 1, Integer::sum));
            }
        }
        // Beat 999 too: the first wake made it up, as nobody had run it.
        assertThat(runs).hasSize(101);
        assertThat(runs.values()).containsOnly(1);
    }

    @Test
    void differentJobsAndLaterBeatsAreTakenIndependentlyAndEveryRunIsRecordedWhereItRan() {
        long period = 5_000;
        Clock at = Clock.fixed(Instant.ofEpochMilli(7 * period + 10), ZoneOffset.UTC);
        GridTurns a = turns(first, at);
        GridTurns b = turns(second, at);
        String job = "repair-" + UUID.randomUUID();
        String other = "recheck-" + UUID.randomUUID();

        assertThat(a.take(job, period)).hasValue(7);
        assertThat(b.take(job, period)).isEmpty();
        // a's first wake also made up beat 6, which nobody had run
        assertThat(b.take(other, period)).hasValue(7);
        assertThat(a.take(other, period)).isEmpty();
        GridTurns later = turns(second, Clock.offset(at, java.time.Duration.ofMillis(period)));
        assertThat(later.take(job, period)).hasValue(8);

        assertThat(a.ranHere()).containsEntry(job, List.of(6L, 7L)).doesNotContainKey(other);
        assertThat(b.ranHere()).containsEntry(other, List.of(6L, 7L)).doesNotContainKey(job);
        assertThat(later.ranHere()).containsEntry(job, List.of(8L));
    }

    @Test
    void aBeatThatEveryInstanceWokeTooLateForIsMadeUpOnceByTheFirstToWakeAfterIt() {
        long period = 1_000;
        String job = "late-" + UUID.randomUUID();
        Clock beat10 = Clock.fixed(Instant.ofEpochMilli(10 * period + 500), ZoneOffset.UTC);
        Clock beat12 = Clock.fixed(Instant.ofEpochMilli(12 * period + 900), ZoneOffset.UTC);
        assertThat(turns(first, beat10).take(job, period)).hasValue(10);
        // Both timers slept through beat 11; the first to wake in beat 12 runs 12 and makes up 11.
        GridTurns a = turns(first, beat12);
        GridTurns b = turns(second, beat12);
        assertThat(b.take(job, period)).hasValue(12);
        assertThat(a.take(job, period)).isEmpty();
        assertThat(b.ranHere()).containsEntry(job, List.of(11L, 12L));
        assertThat(a.ranHere()).doesNotContainKey(job);
        // Woken late for beat 12 only, with 11 held: it runs the beat it missed, nothing twice.
        GridTurns c = turns(first, Clock.fixed(Instant.ofEpochMilli(13 * period + 100), ZoneOffset.UTC));
        assertThat(c.take(job, period)).hasValue(13);
        assertThat(c.ranHere()).containsEntry(job, List.of(13L));
    }

    @Test
    void withoutAGridAnInstanceTakesEveryBeatItself() {
        GridTurns alone = new GridTurns();
        alone.grid = new DataGrid();
        alone.clock = Clock.fixed(Instant.ofEpochMilli(42_500), ZoneOffset.UTC);
        alone.executor = threads;
        assertThat(alone.take("routing-beat", 1_000)).hasValue(42);
        assertThat(alone.take("routing-beat", 1_000)).hasValue(42);
        assertThat(alone.grid.clustered()).isFalse();
        assertThat(alone.grid.members()).containsExactly("local");
    }

    @Test
    void noticesReachTheOtherInstanceInOrderAndNeverTheirSender() throws Exception {
        GridMessaging a = messaging(first);
        GridMessaging b = messaging(second);
        List<String> atA = new CopyOnWriteArrayList<>();
        List<String> atB = new CopyOnWriteArrayList<>();
        a.subscribe(atA::add);
        b.subscribe(atB::add);
        String tag = UUID.randomUUID().toString();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(tag + "-" + i);
            a.publish(tag + "-" + i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (atB.stream().filter(s -> s.startsWith(tag)).count() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(atB.stream().filter(s -> s.startsWith(tag)).toList()).containsExactlyElementsOf(sent);
        assertThat(atA).noneMatch(s -> s.startsWith(tag));
        assertThat(a.counts().published()).isGreaterThanOrEqualTo(500);
        assertThat(b.counts().received()).isGreaterThanOrEqualTo(500);
        a.stop();
        b.stop();
    }

    /**
     * While a listener is registered anew (a member joined), the old and the new registration overlap and a
     * notice arrives twice; it is handed on once. A notice without an id (an older instance's) still passes.
     */
    @Test
    void aNoticeThatArrivesTwiceIsHandedOnOnce() throws Exception {
        GridMessaging b = messaging(second);
        List<String> atB = new CopyOnWriteArrayList<>();
        b.subscribe(atB::add);
        String tag = UUID.randomUUID().toString();
        var topic = first.<String>getTopic(GridMessaging.TOPIC);
        topic.publish(GridMessaging.frame("other:1", tag + "-once"));
        topic.publish(GridMessaging.frame("other:1", tag + "-once"));
        topic.publish(GridMessaging.frame("other:2", tag + "-twice-sent-as-two"));
        topic.publish(tag + "-unframed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (atB.stream().filter(x -> x.startsWith(tag)).count() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertThat(atB.stream().filter(x -> x.startsWith(tag)).toList())
                .containsExactly(tag + "-once", tag + "-twice-sent-as-two", tag + "-unframed");
        assertThat(GridMessaging.Framed.of(GridMessaging.frame("a:7", "{\"kind\":\"x\"}")))
                .isEqualTo(new GridMessaging.Framed("a:7", "{\"kind\":\"x\"}"));
        b.stop();
    }

    @Test
    void aMemberThatLooksForNoOtherIsNoClusterButOneThatJoinsIs() {
        // What Payara Micro's --nocluster leaves running: a member with every join method off.
        Config c = config("supporthub-alone-" + UUID.randomUUID());
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getTcpIpConfig().setEnabled(false);
        join.getDiscoveryConfig().setDiscoveryStrategyConfigs(new ArrayList<>());
        HazelcastInstance alone = Hazelcast.newHazelcastInstance(c);
        try {
            assertThat(DataGrid.joinsOthers(alone)).isFalse();
            assertThat(DataGrid.joinsOthers(first)).isTrue();
        } finally {
            alone.shutdown();
        }
    }

    @Test
    void anInstanceThatListenedWhileAloneHearsThoseThatJoinLater() throws Exception {
        String name = "supporthub-late-" + UUID.randomUUID();
        Config firstConfig = config(name);
        firstConfig.getNetworkConfig().setPort(5811).setPortCount(6);
        lateMembers(firstConfig);
        HazelcastInstance early = Hazelcast.newHazelcastInstance(firstConfig);
        GridMessaging atEarly = messaging(early);
        List<String> heard = new CopyOnWriteArrayList<>();
        atEarly.subscribe(heard::add);
        Config secondConfig = config(name);
        secondConfig.getNetworkConfig().setPort(5811).setPortCount(6);
        lateMembers(secondConfig);
        HazelcastInstance late = Hazelcast.newHazelcastInstance(secondConfig);
        try {
            assertThat(early.getCluster().getMembers()).hasSize(2);
            GridMessaging atLate = messaging(late);
            atLate.publish("from the one that joined later");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(heard).containsExactly("from the one that joined later");
        } finally {
            atEarly.stop();
            late.shutdown();
            early.shutdown();
        }
    }

    /** Ports 5811-5816, listed one by one (a port taken by something else moves a member to the next). */
    private static void lateMembers(Config c) {
        var tcp = c.getNetworkConfig().getJoin().getTcpIpConfig().clear();
        for (int port = 5811; port <= 5816; port++) {
            tcp.addMember("127.0.0.1:" + port);
        }
    }

    @Test
    void withoutAGridPublishingDoesNothingAndFailsNothing() {
        GridMessaging alone = new GridMessaging();
        alone.grid = new DataGrid();
        alone.threads = Thread::new;
        alone.listen();
        alone.publish("anything");
        assertThat(alone.counts().published()).isZero();
    }

    @Test
    void beatsAreCutFromEpochTimeAndTimersWakeInTheMiddleOfTheNextBeat() {
        assertThat(PeriodicTurns.beatOf(12_999, 1_000)).isEqualTo(12);
        assertThat(PeriodicTurns.beatOf(13_000, 1_000)).isEqualTo(13);
        assertThat(PeriodicTurns.delayToNextBeat(12_000, 1_000)).isEqualTo(1_500);
        assertThat(PeriodicTurns.delayToNextBeat(12_900, 1_000)).isEqualTo(600);
        long wake = 12_900 + PeriodicTurns.delayToNextBeat(12_900, 1_000);
        assertThat(Math.floorMod(wake, 1_000)).isEqualTo(500);
    }

    @Test
    void theLedgerKeepsOnlyTheLatestBeatsOfEachJob() {
        BeatLedger ledger = new BeatLedger(3);
        for (long b = 1; b <= 5; b++) {
            ledger.ran("a", b);
        }
        ledger.ran("b", 9);
        assertThat(ledger.snapshot()).containsEntry("a", List.of(3L, 4L, 5L)).containsEntry("b", List.of(9L));
    }
}
