package org.supporthub.activation.infrastructure.dns;

import org.supporthub.activation.domain.model.address.HostLookupTimeout;
import org.supporthub.activation.domain.model.address.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Name resolution with a time limit. The JDK's {@link InetAddress#getAllByName} has none: it waits as
 * long as the system resolver does (several timeouts and retries), and a thread blocked in it cannot be
 * interrupted. So the lookup runs on a small pool of its own, and the caller waits for it at most
 * {@code timeout}; a lookup that does not answer in time is {@link HostLookupTimeout}.
 *
 * <p>A lookup that hangs keeps its pool thread until the system resolver gives up, but no caller waits for
 * it; the pool and its queue are bounded, so hanging names cannot pile up threads, and when every slot is
 * taken a new lookup is refused at once as a timeout rather than waiting in line.
 */
public final class BoundedHostResolver implements HostResolver, AutoCloseable {

    private final HostResolver delegate;
    private final Duration timeout;
    private final ExecutorService lookups;

    /**
     * @param threads how many lookups may run at once; as many again may wait for a thread
     */
    public BoundedHostResolver(HostResolver delegate, Duration timeout, int threads, ThreadFactory factory) {
        this.delegate = Objects.requireNonNull(delegate);
        this.timeout = Objects.requireNonNull(timeout);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(threads), factory, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.lookups = pool;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Future<List<InetAddress>> lookup;
        try {
            lookup = lookups.submit(() -> delegate.resolve(host));
        } catch (RejectedExecutionException full) {
            throw new HostLookupTimeout("Every name lookup slot is taken: " + host);
        }
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            // Frees its queue slot if it has not started; a started lookup ends when the resolver gives up.
            lookup.cancel(true);
            throw new HostLookupTimeout("No answer for " + host + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new HostLookupTimeout("Interrupted while looking up " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            UnknownHostException failed = new UnknownHostException("Lookup of " + host + " failed");
            failed.initCause(e.getCause());
            throw failed;
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
