package org.supporthub.core.infrastructure.grid;

import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.ClusterMessaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices on a topic of the data grid. Notices are plain strings, which the grid carries without Java
 * serialisation (so no class of the application ever has to be loaded by the server's grid).
 *
 * <p>The grid calls its listeners on its own event threads, which must never wait and carry no
 * application context: each notice is queued here and taken, one at a time and in order, by a thread of
 * this application's own (made by the container's managed thread factory, so it may read the database).
 * If far more notices wait than a healthy instance ever holds, new ones are dropped and counted: the
 * catch-up against the database brings the sockets up to date.
 *
 * <p>Whenever a member joins, the listener is registered anew. An instance that registered while it was
 * alone was seen (in Payara Micro's grid, on the first instance started) to hear nothing from members that
 * joined later; a fresh registration reaches every member there is. While the old and the new registration
 * overlap, a notice arrives twice: each notice travels with an id of its publisher's, and the receiving
 * thread hands on each id once.
 */
@ApplicationScoped
public class GridMessaging implements ClusterMessaging {

    static final String TOPIC = "supporthub-delivery";
    static final int MAX_WAITING = 100_000;
    private static final Logger LOG = Logger.getLogger(GridMessaging.class.getName());
    /** Queued to wake the receiving thread when the listener must be registered anew. */
    private static final String REGISTER = new String("register the listener anew");

    /** The ids of the notices handed on lately, to recognise one that arrives twice. */
    static final int REMEMBERED = 10_000;

    private final List<Consumer<String>> receivers = new CopyOnWriteArrayList<>();
    /** This instance's part of its notices' ids. */
    private final String origin = UUID.randomUUID().toString();
    private final AtomicLong numbered = new AtomicLong();
    /** Read and written by the receiving thread only. */
    private final Set<String> handedOn = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>(MAX_WAITING);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile UUID listener;
    private UUID membership;
    private Thread receiving;

    @Inject
    DataGrid grid;

    @Resource
    ManagedThreadFactory managed;

    /** Makes the receiving thread: the container's managed thread factory, or a test's. */
    ThreadFactory threads;

    @PostConstruct
    void listen() {
        if (threads == null) {
            threads = managed;
        }
        Optional<HazelcastInstance> h = grid.instance();
        if (h.isEmpty()) {
            return;
        }
        receiving = threads.newThread(this::receive);
        receiving.setName("supporthub-grid-notices");
        receiving.setDaemon(true);
        receiving.start();
        listener = topic(h.get()).addMessageListener(this::arrived);
        membership = h.get().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // Registering waits for the other members: not on the grid's event thread.
                inbox.offer(REGISTER);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
            }
        });
    }

    @PreDestroy
    void stop() {
        Thread t = receiving;
        if (t != null) {
            t.interrupt();
        }
        grid.instance().ifPresent(h -> {
            UUID id = listener;
            if (id != null) {
                topic(h).removeMessageListener(id);
            }
            if (membership != null) {
                h.getCluster().removeMembershipListener(membership);
            }
        });
    }

    private static ITopic<String> topic(HazelcastInstance h) {
        return h.getTopic(TOPIC);
    }

    @Override
    public void publish(String notice) {
        Optional<HazelcastInstance> h = grid.instance();
        if (h.isEmpty()) {
            return;
        }
        try {
            topic(h.get()).publishAsync(frame(origin + ":" + numbered.incrementAndGet(), notice)).whenComplete((ok, failure) -> {
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
        if (!inbox.offer(message.getMessageObject())) {
            dropped.incrementAndGet();
        }
    }

    private void receive() {
        while (!Thread.currentThread().isInterrupted()) {
            String notice;
            try {
                notice = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (notice == REGISTER) {
                registerAnew();
                continue;
            }
            Framed framed = Framed.of(notice);
            if (framed.id() != null && !handedOn.add(framed.id())) {
                continue;
            }
            received.incrementAndGet();
            for (Consumer<String> r : receivers) {
                try {
                    r.accept(framed.body());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A notice from another hub instance could not be handled", e);
                }
            }
        }
    }

    /** A notice as it travels: {@code #id}, a line break, the notice (JSON, which holds no raw line break). */
    static String frame(String id, String notice) {
        return "#" + id + "\n" + notice;
    }

    /** A notice taken apart again; one without an id (from an instance of an older version) has none. */
    record Framed(String id, String body) {
        static Framed of(String travelled) {
            int end = travelled.indexOf('\n');
            if (!travelled.startsWith("#") || end < 0) {
                return new Framed(null, travelled);
            }
            return new Framed(travelled.substring(1, end), travelled.substring(end + 1));
        }
    }

    /** The new registration first, then the old one removed: a notice may come twice (see above), none is missed. */
    private void registerAnew() {
        grid.instance().ifPresent(h -> {
            try {
                UUID old = listener;
                listener = topic(h).addMessageListener(this::arrived);
                if (old != null) {
                    topic(h).removeMessageListener(old);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not register for notices anew; the catch-up covers what is missed", e);
            }
        });
    }
}
