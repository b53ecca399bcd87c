package org.supporthub.web.interfaces.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One conversation's messages on their way to one socket, always in sequence order and without gaps.
 *
 * <p>{@code delivered} is the highest number up to which everything was sent. A message whose number is
 * further ahead (its predecessors were stored on another hub instance, so no local event announced them)
 * first fills the gap from the database; a periodic {@link #catchUp} does the same when nothing is
 * stored here at all. While the history is replayed, live messages are held back and sent after it. Not
 * thread-safe: its owner (a connection) calls it under its own lock.
 */
final class OrderedFeed {

    /** Reads the stored messages after a sequence number, oldest first, as frames. */
    interface Reader {
        List<Numbered> after(long seq);
    }

    /** A frame and its sequence number. */
    record Numbered(long seq, String frame) {
    }

    private final Reader reader;
    private final Consumer<String> send;
    private long delivered;
    private boolean replaying = true;
    private final List<Numbered> held = new ArrayList<>();

    OrderedFeed(Reader reader, Consumer<String> send) {
        this.reader = reader;
        this.send = send;
    }

    /** A replayed history message (the client asked for everything after {@code lastSeq}). */
    void replay(long seq, String frame) {
        send.accept(frame);
        delivered = Math.max(delivered, seq);
    }

    /** The replay covered everything up to {@code lastSeq}; held messages follow. */
    void replayed(long lastSeq) {
        delivered = Math.max(delivered, lastSeq);
        replaying = false;
        List<Numbered> later = new ArrayList<>(held);
        held.clear();
        later.forEach(n -> push(n.seq(), n.frame()));
    }

    /** A message stored just now. */
    void push(long seq, String frame) {
        if (replaying) {
            held.add(new Numbered(seq, frame));
            return;
        }
        if (seq <= delivered) {
            return;
        }
        if (seq > delivered + 1) {
            fill();
            if (seq <= delivered) {
                return;
            }
        }
        send.accept(frame);
        delivered = seq;
    }

    /** The conversation holds messages up to {@code storedLastSeq}: send any this socket has not had. */
    void catchUp(long storedLastSeq) {
        if (!replaying && storedLastSeq > delivered) {
            fill();
        }
    }

    long delivered() {
        return delivered;
    }

    private void fill() {
        List<Numbered> page;
        do {
            page = reader.after(delivered);
            for (Numbered n : page) {
                if (n.seq() > delivered) {
                    send.accept(n.frame());
                    delivered = n.seq();
                }
            }
        } while (!page.isEmpty() && page.size() >= HistoryReplay.PAGE);
    }
}
