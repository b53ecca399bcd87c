package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coalesces the pushes that follow session moves. A move (committed on this instance) only marks its
 * conversation and channels as dirty, with no read at all; the first mark of a window schedules one
 * flush {@code support.hub.delivery.session-window-millis} later (default 200 ms), which reads once for
 * everything marked meanwhile and sends each widget at most one {@code session} frame and each console at
 * most one {@code sessionsDelta}. So a burst of a hundred moves in one channel costs one read of its queue
 * and one frame per widget, not a hundred of each (docs/routing.md, "Delivery of queue positions").
 */
@ApplicationScoped
public class SessionPushes {

    private static final Logger LOG = Logger.getLogger(SessionPushes.class.getName());

    private final Set<String> dirtyConversations = ConcurrentHashMap.newKeySet();
    private final Set<String> dirtyChannels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ChatConnections chats;

    @Inject
    ConsoleConnections consoles;

    @Inject
    @ConfigProperty(name = "support.hub.delivery.session-window-millis", defaultValue = "200")
    long windowMillis;

    void sessionsMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportSessionChanged SessionChange change) {
        dirtyConversations.add(change.conversationId());
        dirtyChannels.addAll(change.channelIds());
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::flush, Math.max(10, windowMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what the moves marked since the last flush; a move marked during the flush schedules the next. */
    void flush() {
        scheduled.set(false);
        Set<String> conversations = drain(dirtyConversations);
        Set<String> channels = drain(dirtyChannels);
        if (conversations.isEmpty() && channels.isEmpty()) {
            return;
        }
        try {
            chats.sessionsMoved(conversations, channels);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not push session frames to the widgets; the catch-up retries", e);
        }
        try {
            consoles.sessionsMoved();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not push session changes to the consoles; the catch-up retries", e);
        }
    }

    private static Set<String> drain(Set<String> dirty) {
        Set<String> taken = new HashSet<>();
        for (Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }
}
