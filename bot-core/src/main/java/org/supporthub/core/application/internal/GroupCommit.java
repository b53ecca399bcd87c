package org.supporthub.core.application.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit: many callers, few transactions. A caller hands in its item and waits for the item's
 * result, as if it had stored it alone. Callers that arrive while the database is busy with a batch queue
 * up; when a batch ends, one of the waiting callers takes everything queued (up to a bound) and stores it
 * in one transaction with one commit, while the others wait for their results.
 *
 * <p>Nobody waits for a timer: a caller that finds the queue empty and a flusher free stores its item at
 * once, so a lone message costs what it cost before. Under load, the batch grows with the number of
 * callers that arrived during the previous commit, which is what turns one commit per message into one
 * commit per burst.
 *
 * <p>When a batch fails as a whole (a constraint clash, a conversation that vanished), each of its items
 * is stored alone, so one bad item fails only its own caller.
 *
 * @param <I> what a caller stores
 * @param <O> what it gets back
 */
final class GroupCommit<I, O> {

    private final Function<List<I>, List<O>> together;
    private final Function<I, O> alone;
    private final int maxBatch;
    private final int maxFlushers;

    private final Object lock = new Object();
    private final Deque<Slot<I, O>> queued = new ArrayDeque<>();
    private int flushing;

    /**
     * @param together stores a batch in one transaction, answering each item in order
     * @param alone stores one item in a transaction of its own
     * @param maxBatch the most items one transaction takes
     * @param maxFlushers how many batches may be stored at the same time
     */
    GroupCommit(Function<List<I>, List<O>> together, Function<I, O> alone, int maxBatch, int maxFlushers) {
        if (maxBatch < 1 || maxFlushers < 1) {
            throw new IllegalArgumentException("maxBatch and maxFlushers must be positive");
        }
        this.together = together;
        this.alone = alone;
        this.maxBatch = maxBatch;
        this.maxFlushers = maxFlushers;
    }

    /** Stores the item (alone or with others) and returns its result, or throws what storing it threw. */
    O submit(I item) {
        Slot<I, O> mine = new Slot<>(item);
        boolean interrupted = false;
        try {
            synchronized (lock) {
                queued.add(mine);
            }
            while (true) {
                List<Slot<I, O>> batch;
                synchronized (lock) {
                    // Lead a batch only while the own item still waits: a caller whose item is in someone
                    // else's batch just waits for its result.
                    while (!mine.done && !(mine.queued && flushing < maxFlushers)) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the item may be in a batch already: its result still counts
                        }
                    }
                    if (mine.done) {
                        return mine.outcome();
                    }
                    batch = take();
                    flushing++;
                }
                try {
                    flush(batch);
                } finally {
                    synchronized (lock) {
                        flushing--;
                        lock.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many callers wait for a flusher (for tests and figures). */
    int queuedCount() {
        synchronized (lock) {
            return queued.size();
        }
    }

    /** Called holding the lock: the oldest queued items, up to the bound. */
    private List<Slot<I, O>> take() {
        List<Slot<I, O>> batch = new ArrayList<>(Math.min(queued.size(), maxBatch));
        while (!queued.isEmpty() && batch.size() < maxBatch) {
            Slot<I, O> s = queued.poll();
            s.queued = false;
            batch.add(s);
        }
        return batch;
    }

    private void flush(List<Slot<I, O>> batch) {
        if (batch.size() == 1) {
            storeAlone(batch.get(0));
        } else {
            try {
                List<O> results = together.apply(batch.stream().map(s -> s.item).toList());
                if (results.size() != batch.size()) {
                    throw new IllegalStateException("A batch of " + batch.size() + " answered " + results.size());
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result = results.get(i);
                }
            } catch (RuntimeException batchFailed) {
                batch.forEach(this::storeAlone);
            }
        }
        synchronized (lock) {
            batch.forEach(s -> s.done = true);
            lock.notifyAll();
        }
    }

    private void storeAlone(Slot<I, O> slot) {
        try {
            slot.result = alone.apply(slot.item);
        } catch (RuntimeException e) {
            slot.failure = e;
        }
    }

    /** One caller's item and, once stored, its result. Guarded by the group commit's lock. */
    private static final class Slot<I, O> {
        final I item;
        boolean queued = true;
        boolean done;
        O result;
        RuntimeException failure;

        Slot(I item) {
            this.item = item;
        }

        O outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
