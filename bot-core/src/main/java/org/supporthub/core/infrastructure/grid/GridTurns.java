package org.supporthub.core.infrastructure.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.PeriodicTurns;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns claimed in a map of the data grid: the key {@code job@beat} is put only if absent, an atomic
 * operation of the partition that owns the key (and copied to a backup, so a claim outlives the loss of
 * one member). Entries expire after a few periods; nothing else ever reads them.
 */
@ApplicationScoped
public class GridTurns implements PeriodicTurns {

    static final String MAP = "supporthub-periodic-turns";
    private static final Logger LOG = Logger.getLogger(GridTurns.class.getName());

    private final BeatLedger ledger = new BeatLedger(KEPT);

    @Inject
    DataGrid grid;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService managed;

    /** Where claims are made: the managed executor, or a test's. */
    Executor executor;

    /** How long a claim may take before its beat is skipped; 0: half the period, at most two seconds. */
    long longestWait;

    @PostConstruct
    void init() {
        if (executor == null) {
            executor = managed;
        }
    }

    @Override
    public OptionalLong take(String job, long periodMillis) {
        long beat = PeriodicTurns.beatOf(clock.millis(), periodMillis);
        Optional<HazelcastInstance> h = grid.instance();
        if (h.isEmpty()) {
            ledger.ran(job, beat);
            return OptionalLong.of(beat);
        }
        // Every instance's timer may wake late (a loaded machine, a long pause): the beat before is claimed
        // too, so a beat that no instance woke for in time is made up by the first one to wake after it.
        // Nearly always another instance (or this one) holds it already, and that costs one lookup.
        boolean madeUp = claim(h.get(), job, beat - 1, periodMillis);
        boolean current = claim(h.get(), job, beat, periodMillis);
        if (madeUp) {
            ledger.ran(job, beat - 1);
        }
        if (current) {
            ledger.ran(job, beat);
        }
        // One run serves both: each job does all that is due when it runs.
        return current ? OptionalLong.of(beat) : madeUp ? OptionalLong.of(beat - 1) : OptionalLong.empty();
    }

    private boolean claim(HazelcastInstance h, String job, long beat, long periodMillis) {
        String me = h.getCluster().getLocalMember().getUuid().toString();
        IMap<String, String> turns = h.getMap(MAP);
        // While a dead member's partitions move to the living ones, the grid may take seconds to answer:
        // the beat is skipped rather than the timer held up. A claim that still lands afterwards names
        // this instance, which did not run it: a beat skipped, never one run twice.
        long wait = longestWait > 0 ? longestWait : Math.min(2_000, Math.max(100, periodMillis / 2));
        long keep = Math.max(60_000, 3 * periodMillis);
        try {
            // The grid offers no asynchronous put-if-absent with an expiry: the call runs on a managed
            // thread and the timer waits for it a bounded time.
            String holder = CompletableFuture.supplyAsync(
                    () -> turns.putIfAbsent(job + "@" + beat, me, keep, TimeUnit.MILLISECONDS), executor)
                    .get(wait, TimeUnit.MILLISECONDS);
            return holder == null;
        } catch (TimeoutException e) {
            LOG.warning(() -> "The data grid did not answer within " + wait + " ms; beat " + beat + " of " + job
                    + " is left to another instance");
            return false;
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not claim beat " + beat + " of " + job + " in the data grid", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Map<String, List<Long>> ranHere() {
        return ledger.snapshot();
    }
}
