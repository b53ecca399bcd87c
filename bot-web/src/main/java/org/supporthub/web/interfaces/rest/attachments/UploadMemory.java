package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload is read into memory before its files are checked and stored; the limits bound one request, but
 * many at once could still exhaust the heap. This keeps the bytes that uploads in progress may hold, hub-wide,
 * within {@code support.hub.attachments.upload-memory-bytes} (default 128 MB): an upload that would go past it
 * is answered at once with 503 and {@code Retry-After}, and the client sends it again with the same
 * {@code clientMsgId}, so it is still stored exactly once. One upload alone is always let through.
 */
@ApplicationScoped
public class UploadMemory {

    @Inject
    @ConfigProperty(name = "support.hub.attachments.upload-memory-bytes", defaultValue = "134217728")
    long capacity;

    private final AtomicLong held = new AtomicLong();

    /** Bytes held by uploads in progress now. */
    public long held() {
        return held.get();
    }

    /**
     * Reserves room for an upload of up to {@code bytes}; empty when the uploads in progress already hold so
     * much that this one would pass the capacity.
     */
    public Optional<Reservation> reserve(long bytes) {
        long want = Math.max(1, bytes);
        while (true) {
            long now = held.get();
            if (now > 0 && now + want > capacity) {
                return Optional.empty();
            }
            if (held.compareAndSet(now, now + want)) {
                return Optional.of(new Reservation(want));
            }
        }
    }

    /** Room held for one upload, given back once (closing it again does nothing). */
    public final class Reservation implements AutoCloseable {

        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                held.addAndGet(-bytes);
            }
        }
    }
}
