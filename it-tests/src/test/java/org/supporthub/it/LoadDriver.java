package org.supporthub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The benchmark's load driver: many {@link java.net.http.WebSocket} connections on loopback, driven in a
 * closed loop (each connection sends its next frame when the previous one is answered) or an open loop
 * (frames offered at a fixed rate whatever the answers; latency counted from the moment a frame was due,
 * so a slow server cannot hide its queueing). Every run is bounded in time; a frame not answered within
 * {@link #DRAIN} of the end counts as an error.
 *
 * <p>Frames are told apart by plain substring tests rather than a JSON parser, so that the driver, which
 * shares the 2 cores with the server, spends as little as it can per frame.
 */
final class LoadDriver implements AutoCloseable {

    static final Duration DRAIN = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    LoadDriver() {
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(20)).build());
        }
    }

    /** What answers a sent frame: the hub's {@code ack}, or the echo of the frame itself. */
    enum Reply { ACK, ECHO }

    /** Latencies and errors of one measured window. */
    static final class Recorder {
        private long[] nanos = new long[1 << 16];
        private int count;
        final LongAdder errors = new LongAdder();
        final LongAdder replies = new LongAdder();
        volatile long windowStart = Long.MAX_VALUE;
        volatile long windowEnd = Long.MAX_VALUE;

        /** A reply to a frame due (or sent) at {@code dueNanos}, arriving at {@code nowNanos}. */
        void reply(long dueNanos, long nowNanos) {
            if (dueNanos >= windowStart && nowNanos <= windowEnd) {
                replies.increment();
                synchronized (this) {
                    if (count == nanos.length) {
                        nanos = Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = nowNanos - dueNanos;
                }
            }
        }

        synchronized double percentileMillis(double q) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
            return sorted[i] / 1e6;
        }

        double rate() {
            return replies.sum() / ((windowEnd - windowStart) / 1e9);
        }
    }

    /** One connection: a widget socket (after {@code hello}) or an echo socket. */
    final class Conn implements WebSocket.Listener {
        volatile WebSocket ws;
        final Reply reply;
        final CompletableFuture<String> welcome = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final Map<String, Long> pending = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
        final LongAdder frames = new LongAdder();
        volatile Recorder recorder;
        /** Closed loop: send the next frame on each answer while this is true. */
        volatile boolean looping;
        /** Broadcast watch: from when, and when the first {@code state} frame (or the close) arrived. */
        volatile long watchFrom;
        volatile long watchSeen;
        /**
         * Told of every {@code message} frame that carries a {@code clientMsgId} (a user's message pushed to
         * this socket), with the moment it arrived; null when nobody watches (the default, no cost).
         */
        volatile MessageWatch messageWatch;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        Conn(Reply reply) {
            this.reply = reply;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handle(frame);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String frame) {
            long now = System.nanoTime();
            frames.increment();
            if (!welcome.isDone() && frame.contains("\"type\":\"welcome\"")) {
                welcome.complete(frame);
            }
            if (watchFrom != 0 && watchSeen == 0 && frame.contains("\"type\":\"state\"")) {
                watchSeen = now;
            }
            MessageWatch watch = messageWatch;
            if (watch != null && frame.contains("\"type\":\"message\"")) {
                String id = idOf(frame);
                if (id != null) {
                    watch.seen(id, now);
                }
            }
            boolean error = frame.contains("\"type\":\"error\"");
            if (reply == Reply.ECHO || frame.contains("\"type\":\"ack\"") || error) {
                String id = idOf(frame);
                Long due = id == null ? null : pending.remove(id);
                if (error) {
                    Recorder r = recorder;
                    if (r != null) {
                        r.errors.increment();
                    }
                }
                if (due != null) {
                    CompletableFuture<Void> waiter = waiters.remove(id);
                    if (waiter != null) {
                        waiter.complete(null);
                    }
                    Recorder r = recorder;
                    if (r != null && !error) {
                        r.reply(due, now);
                    }
                    if (looping) {
                        send(System.nanoTime());
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(-1);
        }

        private void ended(int code) {
            if (watchFrom != 0 && watchSeen == 0) {
                watchSeen = System.nanoTime();
            }
            closed.complete(code);
            welcome.completeExceptionally(new IllegalStateException("closed " + code));
        }

        /** Sends a new chat message due at {@code dueNanos}; one send in flight per socket, in order. */
        String send(long dueNanos) {
            String id = newId();
            pending.put(id, dueNanos);
            sendText("{\"type\":\"message\",\"clientMsgId\":\"" + id + "\",\"text\":\"Benchmark message " + id
                    .substring(0, 8) + "\"}");
            return id;
        }

        /** Sends a message and completes when it is answered. */
        CompletableFuture<Void> ask(String text) {
            String id = newId();
            CompletableFuture<Void> answered = new CompletableFuture<>();
            waiters.put(id, answered);
            pending.put(id, System.nanoTime());
            sendText("{\"type\":\"message\",\"clientMsgId\":\"" + id + "\",\"text\":\"" + text + "\"}");
            return answered;
        }

        synchronized void sendText(String frame) {
            lastSend = lastSend.handle((r, e) -> null).thenCompose(x -> ws.sendText(frame, true));
        }

        void close() {
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }
    }

    /** Sees pushed {@code message} frames by their {@code clientMsgId}. */
    @FunctionalInterface
    interface MessageWatch {
        void seen(String clientMsgId, long nowNanos);
    }

    /**
     * A random version-4 UUID without {@link UUID#randomUUID()}'s SecureRandom: the driver makes thousands
     * per second on the cores the server uses, and these ids need to be unique, not unpredictable.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static String idOf(String frame) {
        int at = frame.indexOf("\"clientMsgId\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 15;
        int to = frame.indexOf('"', from);
        return to < 0 ? null : frame.substring(from, to);
    }

    /** The connections that opened (and, with a hello, were welcomed), how many failed, and how fast. */
    record Connected(List<Conn> conns, int failed, double perSecond) {
    }

    /**
     * Opens {@code count} connections, at most {@code inFlight} handshakes at once, each sending
     * {@code hello.apply(i)} (when not null) and waiting for {@code welcome}; stops starting new ones
     * after {@code budget}.
     */
    Connected connect(int count, URI uri, String origin, IntFunction<String> hello, Reply reply, int inFlight,
                      Duration budget) throws InterruptedException {
        List<Conn> ok = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int started = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++, started++) {
            slots.acquire();
            Conn conn = new Conn(reply);
            WebSocket.Builder builder = clients.get(next.getAndIncrement() % clients.size()).newWebSocketBuilder();
            if (origin != null) {
                builder.header("Origin", origin);
            }
            String helloFrame = hello == null ? null : hello.apply(i);
            builder.buildAsync(uri, conn).thenCompose(ws -> {
                conn.ws = ws;
                if (helloFrame == null) {
                    return CompletableFuture.completedFuture("");
                }
                conn.sendText(helloFrame);
                return conn.welcome;
            }).orTimeout(30, TimeUnit.SECONDS).whenComplete((w, e) -> {
                if (e == null) {
                    ok.add(conn);
                } else {
                    failed.incrementAndGet();
                    conn.close();
                }
                slots.release();
                done.countDown();
            });
        }
        for (int i = started; i < count; i++) {
            done.countDown();
        }
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Connected(new ArrayList<>(ok), failed.get() + (count - started), ok.size() / seconds);
    }

    /** Closed loop: every connection keeps one frame in flight; measured for {@code measure} after {@code warmUp}. */
    Recorder closedLoop(List<Conn> conns, Duration warmUp, Duration measure) throws InterruptedException {
        Recorder r = new Recorder();
        for (Conn c : conns) {
            c.pending.clear();
            c.recorder = r;
            c.looping = true;
        }
        for (Conn c : conns) {
            c.send(System.nanoTime());
        }
        Thread.sleep(warmUp.toMillis());
        r.windowStart = System.nanoTime();
        r.windowEnd = r.windowStart + measure.toNanos();
        Thread.sleep(measure.toMillis());
        for (Conn c : conns) {
            c.looping = false;
        }
        drain(conns, r);
        return r;
    }

    /**
     * Open loop: {@code perSecond} frames offered in total, spread round-robin over the connections, for
     * {@code warmUp} (not measured) and then {@code measure}.
     */
    Recorder openLoop(List<Conn> conns, double perSecond, Duration warmUp, Duration measure)
            throws InterruptedException {
        Recorder r = new Recorder();
        for (Conn c : conns) {
            c.pending.clear();
            c.recorder = r;
            c.looping = false;
        }
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        r.windowStart = start + warmUp.toNanos();
        r.windowEnd = r.windowStart + measure.toNanos();
        long i = 0;
        while (true) {
            long due = start + i * interval;
            if (due >= r.windowEnd) {
                break;
            }
            long now = System.nanoTime();
            if (due <= now) {
                conns.get((int) (i % conns.size())).send(due);
                i++;
            } else {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
            }
        }
        long waitMore = r.windowEnd - System.nanoTime();
        if (waitMore > 0) {
            Thread.sleep(waitMore / 1_000_000);
        }
        drain(conns, r);
        return r;
    }

    /** Waits for what is still in flight; what is not answered within {@link #DRAIN} is an error. */
    private static void drain(List<Conn> conns, Recorder r) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && conns.stream().anyMatch(c -> !c.pending.isEmpty())) {
            Thread.sleep(50);
        }
        for (Conn c : conns) {
            r.errors.add(c.pending.size());
            c.pending.clear();
            c.recorder = null;
        }
    }

    /** Closes every connection at once (the server sees the connections go). */
    static void closeAll(List<Conn> conns) {
        conns.forEach(Conn::close);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
