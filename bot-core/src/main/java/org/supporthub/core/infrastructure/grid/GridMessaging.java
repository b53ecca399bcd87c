package org.supporthub.core.infrastructure.grid;

import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.ClusterMessaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices on a topic of the data grid. Notices are plain strings, which the grid carries without Java
 * serialisation (so no class of the application ever has to be loaded by the server's grid).
 *
 * <p>The grid calls its listeners on its own event threads, which must never wait and carry no
 * application context: each notice is queued here and handed, one at a time and in order, to a managed
 * thread. If far more notices wait than a healthy instance ever holds, new ones are dropped and counted:
 * the catch-up against the database brings the sockets up to date.
 */
@ApplicationScoped
public class GridMessaging implements ClusterMessaging {

    static final String TOPIC = "supporthub-delivery";
    static final int MAX_WAITING = 100_000;
    private static final Logger LOG = Logger.getLogger(GridMessaging.class.getName());

    private final List<Consumer<String>> receivers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private UUID listener;

    @Inject
    DataGrid grid;

    @Resource
    ManagedExecutorService managed;

    /** Where received notices are handed over: the managed executor, or the test's. */
    Executor executor;

    @PostConstruct
    void listen() {
        if (executor == null) {
            executor = managed;
        }
        topic().ifPresent(t -> listener = t.addMessageListener(this::arrived));
    }

    @PreDestroy
    void stop() {
        UUID id = listener;
        if (id != null) {
            topic().ifPresent(t -> t.removeMessageListener(id));
        }
    }

    private Optional<ITopic<String>> topic() {
        return grid.instance().map(h -> h.<String>getTopic(TOPIC));
    }

    @Override
    public void publish(String notice) {
        Optional<ITopic<String>> topic = topic();
        if (topic.isEmpty()) {
            return;
        }
        try {
            topic.get().publishAsync(notice).whenComplete((ok, failure) -> {
                if (failure != null) {
                    dropped.incrementAndGet();
                }
            });
            published.incrementAndGet();
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
            LOG.log(Level.FINE, "A notice could not be published; the catch-up makes up for it", e);
        }
    }

    @Override
    public void subscribe(Consumer<String> receiver) {
        receivers.add(receiver);
    }

    @Override
    public Counts counts() {
        return new Counts(published.get(), received.get(), dropped.get());
    }

    private void arrived(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        inbox.add(message.getMessageObject());
        if (draining.compareAndSet(false, true)) {
            hand(this::drain);
        }
    }

    private void hand(Runnable work) {
        try {
            executor.execute(work);
        } catch (RuntimeException e) {
            // The executor refused (the application is stopping): what waits is left to the catch-up.
            draining.set(false);
        }
    }

    private void drain() {
        while (true) {
            String notice;
            while ((notice = inbox.poll()) != null) {
                waiting.decrementAndGet();
                received.incrementAndGet();
                for (Consumer<String> r : receivers) {
                    try {
                        r.accept(notice);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A notice from another hub instance could not be handled", e);
                    }
                }
            }
            draining.set(false);
            // A notice that arrived after the last poll but saw draining still set must not wait.
            if (inbox.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

}
