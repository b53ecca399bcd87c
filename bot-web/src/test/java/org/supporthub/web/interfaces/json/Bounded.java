package org.supporthub.web.interfaces.json;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzzing case on a worker thread and fails it if it does not finish in time: the bug this
 * guards against is a parse that never returns, which a plain call would turn into a hung build.
 */
public final class Bounded {

    /** Generous for one parse of at most 64 KiB, even on a loaded 2-core machine. */
    public static final Duration PER_CASE = Duration.ofSeconds(2);

    // Daemon threads: a case that does hang is reported, and cannot keep the test JVM alive.
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    private Bounded() {
    }

    /** The outcome of {@code work}: its value, or the exception it threw (never a hang). */
    public static <T> Outcome<T> within(Callable<T> work) {
        Future<T> future = WORKERS.submit(work);
        try {
            return new Outcome<>(future.get(PER_CASE.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("A case did not finish within " + PER_CASE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What one case produced. */
    public record Outcome<T>(T value, Throwable error) {
    }
}
