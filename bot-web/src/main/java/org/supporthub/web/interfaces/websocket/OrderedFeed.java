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
 * stored here at all. While the history is replayed, live messages are held back and sent after it.
 *
 * <p>Thread-safe, with its own lock, and it never reads the database while holding it: a gap is read
 * first, then applied under the lock, skipping whatever another thread sent meanwhile. So a slow read
 * never stalls the threads that deliver to this socket (nor, through them, to others). Sending only
 * queues the frame (see {@link Outbox}), so holding the lock across {@code send} blocks nobody.
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
    synchronized void replay(long seq, String frame) {
        send.accept(frame);
        delivered = Math.max(delivered, seq);
    }

    /** The replay covered everything up to {@code lastSeq}; held messages follow. */
    void replayed(long lastSeq) {
        List<Numbered> later;
        synchronized (this) {
            delivered = Math.max(delivered, lastSeq);
            replaying = false;
            later = new ArrayList<>(held);
            held.clear();
        }
        later.forEach(n -> push(n.seq(), n.frame()));
    }

    /** A message stored just now. */
    void push(long seq, String frame) {
        synchronized (this) {
            if (replaying) {
                held.add(new Numbered(seq, frame));
                return;
            }
            if (seq <= delivered) {
                return;
            }
            if (seq == delivered + 1) {
                send.accept(frame);
                delivered = seq;
                return;
            }
        }
        fill();
        synchronized (this) {
            if (seq > delivered) {
                send.accept(frame);
                delivered = seq;
            }
        }
    }

    /** The conversation holds messages up to {@code storedLastSeq}: send any this socket has not had. */
    void catchUp(long storedLastSeq) {
        synchronized (this) {
            if (replaying || storedLastSeq <= delivered) {
                return;
            }
        }
        fill();
    }

    synchronized long delivered() {
        return delivered;
    }

    /** Reads what follows {@code delivered} outside the lock, then sends what is still new, in order. */
    private void fill() {
        List<Numbered> page;
        do {
            long from = delivered();
            page = reader.after(from);
            synchronized (this) {
                for (Numbered n : page) {
                    // The page holds everything after `from`: skipping what another thread sent meanwhile
                    // leaves no gap.
                    if (n.seq() > delivered) {
                        send.accept(n.frame());
                        delivered = n.seq();
                    }
                }
            }
        } while (!page.isEmpty() && page.size() >= HistoryReplay.PAGE);
    }
}
