package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.ArrayList;
import java.util.List;

/**
 * One widget socket: who is on it (once {@code hello} proved it), which conversation it shows, and its
 * outbox.
 *
 * <p>While the history is being replayed after {@code hello}, live messages are held back and sent
 * after it, so the client receives every message in sequence order and may resume from the highest
 * number it has seen.
 */
final class ChatConnection {

    private final Session session;
    private final Outbox outbox;
    private final String origin;
    private final String ownAuthority;

    private PortalUser user;
    private String conversationId;
    private SupportLocale locale;
    private boolean replaying;
    private String lastSessionFrame;
    private final List<Held> held = new ArrayList<>();

    private record Held(long seq, String frame) {
    }

    ChatConnection(Session session, String origin, String ownAuthority) {
        this.session = session;
        this.outbox = new Outbox(session);
        this.origin = origin;
        this.ownAuthority = ownAuthority;
    }

    synchronized void authenticated(PortalUser user, String conversationId, SupportLocale locale) {
        this.user = user;
        this.conversationId = conversationId;
        this.locale = locale;
        this.replaying = true;
    }

    synchronized boolean isAuthenticated() {
        return user != null;
    }

    /** A frame answering this client directly (ack, error, welcome...). */
    void reply(String frame) {
        outbox.send(frame);
    }

    /** A replayed history message. */
    void replay(String frame) {
        outbox.send(frame);
    }

    /** Ends the replay: messages that arrived meanwhile follow, minus any the replay already carried. */
    synchronized void replayed(long lastReplayedSeq) {
        replaying = false;
        held.stream().filter(h -> h.seq() > lastReplayedSeq).forEach(h -> outbox.send(h.frame()));
        held.clear();
    }

    /** A message stored just now in this connection's conversation. */
    synchronized void push(long seq, String frame) {
        if (replaying) {
            held.add(new Held(seq, frame));
        } else {
            outbox.send(frame);
        }
    }

    /** The conversation's session as it stands; skipped when it says what the last one said. */
    synchronized void pushSession(String frame) {
        if (!frame.equals(lastSessionFrame)) {
            lastSessionFrame = frame;
            outbox.send(frame);
        }
    }

    void close(CloseReason reason) {
        outbox.close(reason);
    }

    Session session() {
        return session;
    }

    String origin() {
        return origin;
    }

    String ownAuthority() {
        return ownAuthority;
    }

    synchronized PortalUser user() {
        return user;
    }

    synchronized String conversationId() {
        return conversationId;
    }

    synchronized SupportLocale locale() {
        return locale;
    }
}
