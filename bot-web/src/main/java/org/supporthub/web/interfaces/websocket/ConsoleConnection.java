package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent-console socket: the operator it proved, the conversations it opened, and its outbox.
 *
 * <p>Opening a conversation works like the widget's resume: live messages of that conversation are held
 * back while its history is replayed, then sent minus those the replay already carried, so the console
 * sees each conversation's sequence numbers in order.
 */
final class ConsoleConnection {

    private final Session session;
    private final Outbox outbox;
    private StaffTokens.Operator operator;
    private long lastSeenReported;
    /** Opened conversations; the value is the held-back live frames while that conversation replays, else null. */
    private final Map<String, List<Held>> opened = new HashMap<>();

    private record Held(long seq, String frame) {
    }

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

    /** Starts a conversation's replay; live messages of it are held back until {@link #replayed}. */
    synchronized void opening(String conversationId) {
        opened.put(conversationId, new ArrayList<>());
    }

    synchronized void replayed(String conversationId, long lastReplayedSeq) {
        List<Held> held = opened.put(conversationId, null);
        if (held != null) {
            held.stream().filter(h -> h.seq() > lastReplayedSeq).forEach(h -> outbox.send(h.frame()));
        }
    }

    synchronized boolean hasOpened(String conversationId) {
        return opened.containsKey(conversationId);
    }

    /** A message stored just now in a conversation this socket opened. */
    synchronized void push(String conversationId, long seq, String frame) {
        if (!opened.containsKey(conversationId)) {
            return;
        }
        List<Held> held = opened.get(conversationId);
        if (held != null) {
            held.add(new Held(seq, frame));
        } else {
            outbox.send(frame);
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

    void close(CloseReason reason) {
        outbox.close(reason);
    }

    Session session() {
        return session;
    }
}
