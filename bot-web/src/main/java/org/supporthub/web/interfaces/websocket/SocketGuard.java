package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.web.infrastructure.limits.AbuseLimits;
import org.supporthub.web.infrastructure.limits.ConnectionQuota;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter.Decision;
import org.supporthub.web.interfaces.websocket.protocol.ErrorFrame;

import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Applies the hub's abuse limits to sockets: how many one client address and one user may hold open,
 * and how many frames of each kind one socket, one user or one operator may send.
 *
 * <p>A socket's places are recorded in its own user properties, so closing it gives back exactly what it
 * took, once.
 */
@ApplicationScoped
class SocketGuard {

    private static final Logger LOG = Logger.getLogger(SocketGuard.class.getName());
    private static final String ADDRESS_PLACE = "supporthub.quota.address";
    private static final String USER_PLACE = "supporthub.quota.user";
    /** Close reason when a ceiling on open sockets refuses one (close code 1008). */
    static final String TOO_MANY_SOCKETS = "TOO_MANY_SOCKETS";

    @Inject
    AbuseLimits limits;

    /**
     * Takes a place for the socket's client address.
     *
     * @return null when admitted, otherwise the error frame to send before closing with {@link #tooManySocketsReason()}
     */
    ErrorFrame admitAddress(Session session) {
        return take(session, limits.socketsPerAddress(), ADDRESS_PLACE, clientAddress(session));
    }

    /** Takes a place for the user once {@code hello} proved who it is; as {@link #admitAddress}. */
    ErrorFrame admitUser(Session session, String userKey) {
        return take(session, limits.socketsPerUser(), USER_PLACE, userKey);
    }

    /** Gives back whatever places the socket took, and forgets its per-socket counters. */
    void released(Session session) {
        give(session, limits.socketsPerAddress(), ADDRESS_PLACE);
        give(session, limits.socketsPerUser(), USER_PLACE);
        String id = session.getId();
        limits.widgetMessagesPerSocket().forget(id);
        limits.widgetCommandsPerSocket().forget(id);
        limits.widgetTypingPerSocket().forget(id);
    }

    /** A widget's {@code message}: within the socket's limit and then the user's, all their sockets together. */
    Decision widgetMessage(Session session, String userKey) {
        return both(limits.widgetMessagesPerSocket().acquire(session.getId()), limits.widgetMessagesPerUser(), userKey);
    }

    /** A widget's {@code command} or {@code vote}: the bot's and the routing's work, per socket. */
    Decision widgetCommand(Session session) {
        return limits.widgetCommandsPerSocket().acquire(session.getId());
    }

    /** A widget's {@code typing}, forwarded to an operator: per socket. */
    Decision widgetTyping(Session session) {
        return limits.widgetTypingPerSocket().acquire(session.getId());
    }

    /** A console frame (every one but {@code ping} counts): per operator, all their sockets together. */
    Decision consoleFrame(String operator) {
        return limits.consoleFramesPerOperator().acquire(operator);
    }

    /** The {@code error} telling a client to slow down, and when it may send again. */
    static ErrorFrame rateLimited(Decision decision) {
        return ErrorFrame.rateLimited("Too many frames; try again in " + decision.retryAfterMillis() + " ms",
                decision.limit(), decision.retryAfterMillis());
    }

    /** The frame sent before a socket is closed for exceeding a ceiling on open sockets. */
    static ErrorFrame tooManySockets(String limit, int max) {
        return ErrorFrame.rateLimited("Too many open sockets (at most " + max + ")", limit, 5000);
    }

    static CloseReason tooManySocketsReason() {
        return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, TOO_MANY_SOCKETS);
    }

    private static Decision both(Decision first, KeyedRateLimiter second, String key) {
        // The socket's own limit first: a refused frame must not also use up the user's allowance.
        return !first.allowed() || key == null ? first : second.acquire(key);
    }

    private static ErrorFrame take(Session session, ConnectionQuota quota, String property, String key) {
        if (key == null || session.getUserProperties().containsKey(property)) {
            return null;
        }
        if (!quota.tryAcquire(key)) {
            return tooManySockets(quota.name(), quota.max());
        }
        session.getUserProperties().put(property, key);
        return null;
    }

    private static void give(Session session, ConnectionQuota quota, String property) {
        Object key = session.getUserProperties().remove(property);
        if (key != null) {
            quota.release((String) key);
        }
    }

    /**
     * The client's address. The WebSocket API does not expose it; Tyrus, the implementation inside Payara,
     * does on its session. Read reflectively so that the module does not compile against Tyrus; without it
     * every socket counts under one "unknown" address, which errs on the strict side.
     */
    static String clientAddress(Session session) {
        try {
            Method m = session.getClass().getMethod("getRemoteAddr");
            Object address = m.invoke(session);
            return address == null ? "unknown" : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "No client address on " + session.getClass().getName());
            return "unknown";
        }
    }
}
