package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.interfaces.websocket.protocol.ServerFrame;
import org.supporthub.web.interfaces.websocket.protocol.SessionFrame;


/**
 * One widget socket: who is on it (once {@code hello} proved it), which conversation it shows, and its
 * outbox.
 *
 * <p>Messages go out through an {@link OrderedFeed}: in sequence order, without gaps, held back while the
 * history is replayed after {@code hello}, so the client may always resume from the highest number it has
 * seen, also when some messages were stored by another hub instance.
 */
final class ChatConnection {

    private final Session session;
    private final Outbox outbox;
    private final String origin;
    private final String ownAuthority;

    private PortalUser user;
    private String conversationId;
    private SupportLocale locale;
    private OrderedFeed feed;
    private SessionFrame lastSessionFrame;
    private long lastSessionRead;
    /** The client sent its {@code hello}: the deadline is met even while the hub is still answering it. */
    private volatile boolean helloArrived;

    ChatConnection(Session session, String origin, String ownAuthority) {
        this.session = session;
        this.outbox = new Outbox(session);
        this.origin = origin;
        this.ownAuthority = ownAuthority;
    }

    /** @param reader reads the conversation's stored messages as frames, to fill gaps and catch up */
    synchronized void authenticated(PortalUser user, String conversationId, SupportLocale locale,
                                    OrderedFeed.Reader reader) {
        this.user = user;
        this.conversationId = conversationId;
        this.locale = locale;
        this.feed = new OrderedFeed(reader, outbox::send);
    }

    synchronized boolean isAuthenticated() {
        return user != null;
    }

    void helloArrived() {
        helloArrived = true;
    }

    boolean saidHello() {
        return helloArrived;
    }

    /** A frame answering this client directly (ack, error, welcome...). */
    void reply(ServerFrame frame) {
        outbox.send(frame.encode());
    }

    /** A frame that goes to many sockets at once, encoded once by the caller: its text. */
    void replyEncoded(String frame) {
        outbox.send(frame);
    }

    // The feed has its own lock and reads the database (to fill a gap) outside it; this connection's lock
    // only guards which feed it is, so no database read ever happens under it.

    private synchronized OrderedFeed feed() {
        return feed;
    }

    /** A replayed history message. */
    void replay(long seq, String frame) {
        feed().replay(seq, frame);
    }

    /** Ends the replay: messages that arrived meanwhile follow, minus any the replay already carried. */
    void replayed(long lastReplayedSeq) {
        feed().replayed(lastReplayedSeq);
    }

    /** A message stored just now in this connection's conversation. */
    void push(long seq, String frame) {
        OrderedFeed f = feed();
        if (f != null) {
            f.push(seq, frame);
        }
    }

    /** The conversation now holds messages up to {@code storedLastSeq} (perhaps stored by another instance). */
    void catchUp(long storedLastSeq) {
        OrderedFeed f = feed();
        if (f != null) {
            f.catchUp(storedLastSeq);
        }
    }

    /** Whether the last session frame sent says the session is over (or none was sent). */
    synchronized boolean sessionSettled() {
        return lastSessionFrame == null || lastSessionFrame.closed();
    }

    /**
     * The conversation's session as of read number {@code read}; skipped when a later read already
     * reached this socket, or when it says what the last one said.
     */
    synchronized void pushSession(SessionFrame frame, long read) {
        if (read < lastSessionRead) {
            return;
        }
        lastSessionRead = read;
        if (!frame.equals(lastSessionFrame)) {
            lastSessionFrame = frame;
            outbox.send(frame.encode());
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

    /** The user chose another language: the labels of the bot's buttons in later pushes follow it. */
    synchronized void localeChosen(SupportLocale chosen) {
        this.locale = chosen;
    }
}
