package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One agent-console socket: the operator it proved, the conversations it opened, and its outbox.
 *
 * <p>Opening a conversation works like the widget's resume: each opened conversation has an
 * {@link OrderedFeed}, so the console sees its sequence numbers in order and without gaps, also when some
 * messages were stored by another hub instance.
 */
final class ConsoleConnection {

    private final Session session;
    private final Outbox outbox;
    private StaffTokens.Operator operator;
    private long lastSeenReported;
    private String lastSessions;
    private boolean closed;
    /** The conversations this socket opened, each with its ordered feed. */
    private final Map<String, OrderedFeed> opened = new HashMap<>();

    ConsoleConnection(Session session) {
        this.session = session;
        this.outbox = new Outbox(session);
    }

    synchronized void authenticated(StaffTokens.Operator operator) {
        this.operator = operator;
    }

    synchronized boolean isAuthenticated() {
        return operator != null;
    }

    synchronized StaffTokens.Operator operator() {
        return operator;
    }

    void reply(String frame) {
        outbox.send(frame);
    }

    /**
     * A session list; skipped when it says what the last one said, apart from the waiting times, which
     * the console counts on by itself.
     *
     * @param signature the list without its waiting times
     */
    synchronized void sessions(String frame, String signature) {
        if (!signature.equals(lastSessions)) {
            lastSessions = signature;
            outbox.send(frame);
        }
    }

    /** Starts a conversation's replay; live messages of it are held back until {@link #replayed}. */
    synchronized void opening(String conversationId, OrderedFeed.Reader reader) {
        opened.put(conversationId, new OrderedFeed(reader, outbox::send));
    }

    synchronized void replay(String conversationId, long seq, String frame) {
        opened.get(conversationId).replay(seq, frame);
    }

    synchronized void replayed(String conversationId, long lastReplayedSeq) {
        opened.get(conversationId).replayed(lastReplayedSeq);
    }

    synchronized boolean hasOpened(String conversationId) {
        return opened.containsKey(conversationId);
    }

    synchronized Set<String> openedConversations() {
        return Set.copyOf(opened.keySet());
    }

    /** A message stored just now in a conversation this socket opened. */
    synchronized void push(String conversationId, long seq, String frame) {
        OrderedFeed feed = opened.get(conversationId);
        if (feed != null) {
            feed.push(seq, frame);
        }
    }

    /** The conversation now holds messages up to {@code storedLastSeq} (perhaps stored by another instance). */
    synchronized void catchUp(String conversationId, long storedLastSeq) {
        OrderedFeed feed = opened.get(conversationId);
        if (feed != null) {
            feed.catchUp(storedLastSeq);
        }
    }

    /** Whether the operator's presence should be refreshed now: at most every few seconds per socket. */
    synchronized boolean dueForPresence(long nowMillis, long everyMillis) {
        if (nowMillis - lastSeenReported < everyMillis) {
            return false;
        }
        lastSeenReported = nowMillis;
        return true;
    }

    /** @return whether this is the first report of the socket's end */
    synchronized boolean markClosed() {
        boolean first = !closed;
        closed = true;
        return first;
    }

    void close(CloseReason reason) {
        outbox.close(reason);
    }

    Session session() {
        return session;
    }
}
