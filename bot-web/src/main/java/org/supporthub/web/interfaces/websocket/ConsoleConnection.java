package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.web.infrastructure.security.StaffTokens;

import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.web.interfaces.websocket.protocol.ServerFrame;
import org.supporthub.web.interfaces.websocket.protocol.SessionsDeltaFrame;
import org.supporthub.web.interfaces.websocket.protocol.SessionsFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The sessions this socket's list holds, each with its signature; null until the full list went out. */
    private Map<String, String> shown;
    private boolean closed;
    /** The client sent its {@code hello}: the deadline is met even while the hub is still answering it. */
    private volatile boolean helloArrived;
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

    void helloArrived() {
        helloArrived = true;
    }

    boolean saidHello() {
        return helloArrived;
    }

    synchronized StaffTokens.Operator operator() {
        return operator;
    }

    void reply(ServerFrame frame) {
        outbox.send(frame.encode());
    }

    /** A frame that goes to many sockets at once, encoded once by the caller: its text. */
    void replyEncoded(String frame) {
        outbox.send(frame);
    }

    /**
     * The full session list, as after {@code welcome} or when the console asks for it: from now on only
     * changes to it are sent (see {@link #sessions}).
     */
    synchronized void fullSessions(List<ConsoleSession> now) {
        shown = signatures(now);
        outbox.send(new SessionsFrame(now).encode());
    }

    /**
     * The operator's sessions as they stand: what changed since the list this socket last had goes out as
     * one {@code sessionsDelta} (added, changed, removed), nothing when nothing changed apart from the
     * waiting times, which the console counts on by itself. Computing the difference is work in memory
     * only: the list was read before, outside any connection's lock.
     */
    synchronized void sessions(List<ConsoleSession> now) {
        if (shown == null) {
            fullSessions(now);
            return;
        }
        List<ConsoleSession> added = new ArrayList<>();
        List<ConsoleSession> changed = new ArrayList<>();
        Map<String, String> next = signatures(now);
        for (ConsoleSession s : now) {
            String before = shown.get(s.sessionId());
            if (before == null) {
                added.add(s);
            } else if (!before.equals(next.get(s.sessionId()))) {
                changed.add(s);
            }
        }
        List<String> removed = shown.keySet().stream().filter(id -> !next.containsKey(id)).toList();
        shown = next;
        if (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
            outbox.send(new SessionsDeltaFrame(added, changed, removed).encode());
        }
    }

    private static Map<String, String> signatures(List<ConsoleSession> sessions) {
        Map<String, String> bySession = new LinkedHashMap<>();
        sessions.forEach(s -> bySession.put(s.sessionId(), signature(s)));
        return bySession;
    }

    /** What a session says, apart from its waiting time: two with one signature are the same news. */
    private static String signature(ConsoleSession s) {
        return String.join("|", s.sessionId(), s.state().name(), String.valueOf(s.operator()),
                String.valueOf(s.offeredToMe()), String.valueOf(s.queuePosition()), String.valueOf(s.note()),
                s.channelId(), s.label().area(), s.label().coverage(), String.valueOf(s.label().policyItem()),
                s.channelName(), s.portalName(), s.administrator());
    }

    /** Starts a conversation's replay; live messages of it are held back until {@link #replayed}. */
    synchronized void opening(String conversationId, OrderedFeed.Reader reader) {
        opened.put(conversationId, new OrderedFeed(reader, outbox::send));
    }

    // Each feed has its own lock and reads the database (to fill a gap) outside it; this connection's lock
    // only guards the map of feeds, so no database read ever happens under it.

    private synchronized OrderedFeed feed(String conversationId) {
        return opened.get(conversationId);
    }

    void replay(String conversationId, long seq, String frame) {
        feed(conversationId).replay(seq, frame);
    }

    void replayed(String conversationId, long lastReplayedSeq) {
        feed(conversationId).replayed(lastReplayedSeq);
    }

    synchronized boolean hasOpened(String conversationId) {
        return opened.containsKey(conversationId);
    }

    synchronized Set<String> openedConversations() {
        return Set.copyOf(opened.keySet());
    }

    /** A message stored just now in a conversation this socket opened. */
    void push(String conversationId, long seq, String frame) {
        OrderedFeed feed = feed(conversationId);
        if (feed != null) {
            feed.push(seq, frame);
        }
    }

    /** The conversation now holds messages up to {@code storedLastSeq} (perhaps stored by another instance). */
    void catchUp(String conversationId, long storedLastSeq) {
        OrderedFeed feed = feed(conversationId);
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
