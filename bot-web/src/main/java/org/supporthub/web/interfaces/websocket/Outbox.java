package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one socket's frames in order, one at a time: a WebSocket session allows only one asynchronous
 * send in flight, and a close must not overtake the frames queued before it.
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** A client this far behind is not reading; it is closed rather than let memory grow. */
    static final int MAX_QUEUED = 2000;

    private final Session session;
    private final Deque<Object> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(Session session) {
        this.session = session;
    }

    synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            queue.clear();
            enqueue(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "client too slow"));
            return;
        }
        enqueue(frame);
    }

    /** Closes the socket once everything queued before has been sent. */
    synchronized void close(CloseReason reason) {
        if (!closed) {
            enqueue(reason);
        }
    }

    private void enqueue(Object item) {
        queue.add(item);
        if (!sending) {
            next();
        }
    }

    private void next() {
        Object item = queue.poll();
        if (item == null) {
            sending = false;
            return;
        }
        sending = true;
        if (item instanceof CloseReason reason) {
            closed = true;
            queue.clear();
            sending = false;
            closeQuietly(reason);
            return;
        }
        if (!session.isOpen()) {
            queue.clear();
            sending = false;
            return;
        }
        session.getAsyncRemote().sendText((String) item, result -> {
            synchronized (Outbox.this) {
                if (!result.isOK()) {
                    LOG.log(Level.FINE, "A frame could not be sent; dropping the rest for this socket", result.getException());
                    queue.clear();
                    sending = false;
                    return;
                }
                next();
            }
        });
    }

    private void closeQuietly(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a socket failed", e);
        }
    }
}
