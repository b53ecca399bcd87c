package org.supporthub.activation.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.CheckArea;

import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads activations run on: the container's managed threads (so transactions and naming work on
 * them), in a pool of their own, never a WebSocket's or the server's shared request threads.
 *
 * <p>Bounded twice. At most {@code maxConcurrent} runs at once on this instance; one more is refused at
 * once ({@link #tryStart} says false) rather than queued: in a queue it would wait behind runs that each
 * may hang until their deadline, and a healthy portal's activation would then fail its own deadline while
 * doing nothing. The pool has a thread for each admitted run and each of its checks, at most, and no
 * queue, so an admitted run's checks start at once.
 */
@ApplicationScoped
public class ActivationExecutor {

    /** A run's own thread and one for each check it starts (fewer than there are areas). */
    static final int THREADS_PER_RUN = CheckArea.values().length;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    ActivationLimits limits;

    private int maxConcurrent;
    private Semaphore runs;
    private ThreadPoolExecutor pool;

    public ActivationExecutor() {
    }

    ActivationExecutor(int maxConcurrent, ThreadFactory threads) {
        init(maxConcurrent, threads);
    }

    @PostConstruct
    void start() {
        init(limits.maxConcurrent(), threadFactory);
    }

    private void init(int max, ThreadFactory threads) {
        maxConcurrent = max;
        runs = new Semaphore(max);
        // No core threads and a hand-off queue: threads are made when needed, reused while warm, and never
        // more than the bound; beyond it a task is refused, not parked.
        pool = new ThreadPoolExecutor(0, max * THREADS_PER_RUN, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Starts a run on a thread of its own if this instance runs fewer than the limit.
     *
     * @return false, at once, when the limit is reached or no thread can be had
     */
    public boolean tryStart(Runnable run) {
        if (!runs.tryAcquire()) {
            return false;
        }
        try {
            pool.execute(() -> {
                try {
                    run.run();
                } finally {
                    runs.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            runs.release();
            return false;
        }
    }

    /**
     * Starts one check of an admitted run.
     *
     * @throws RejectedExecutionException when no thread can be had (the hub is shutting down)
     */
    public Future<?> startCheck(Runnable check) {
        FutureTask<Void> task = new FutureTask<>(check, null);
        pool.execute(task);
        return task;
    }

    /** Runs going on now on this instance. */
    public int running() {
        return maxConcurrent - runs.availablePermits();
    }

    /** Interrupts the runs still going: each ends as interrupted, or is repaired by another instance. */
    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
