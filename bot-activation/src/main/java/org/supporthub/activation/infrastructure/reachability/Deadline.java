package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The moment by which a probe must be over, measured on the monotonic clock (a wall clock may jump).
 *
 * <p>Each blocking step is given at most the time that is left ({@link #timeoutMillis}). That alone does
 * not bound a TLS handshake: the JDK reads a record in many small reads, each with the full socket timeout,
 * so a server sending one byte a second would keep it going for ever. So a watchdog also closes the plain
 * socket when the deadline passes ({@link #guard}); the blocked read then fails at once, and
 * {@link #passed()} tells the caller that was a timeout.
 */
final class Deadline {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration total) {
        return new Deadline(System.nanoTime() + total.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * The timeout for the next blocking step: the step's own limit, or the time left if that is shorter.
     *
     * @throws SocketTimeoutException when no time is left
     */
    int timeoutMillis(Duration stepLimit) throws SocketTimeoutException {
        long remainingNanos = endNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new SocketTimeoutException("Probe deadline passed");
        }
        long millis = Math.min(stepLimit.toMillis(), TimeUnit.NANOSECONDS.toMillis(remainingNanos));
        // 0 would mean "wait for ever" to a socket.
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /** Closes the socket when the deadline passes, unless the returned guard is closed first. */
    Guard guard(Socket socket) {
        long delay = Math.max(0, endNanos - System.nanoTime());
        ScheduledFuture<?> closing = WATCHDOG.schedule(() -> closeQuietly(socket), delay, TimeUnit.NANOSECONDS);
        return () -> closing.cancel(false);
    }

    /** A pending watchdog; closing it calls the watchdog off. */
    @FunctionalInterface
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // Closing is all the watchdog wants; a socket that will not close is closed enough.
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "portal-probe-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Most probes finish in time: their cancelled watchdogs must not pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
