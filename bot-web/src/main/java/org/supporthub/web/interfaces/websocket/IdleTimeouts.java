package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How long a socket may stay silent before the hub closes it. The widget pings every 25 s and the console
 * every 10 s (each treats three missed answers as a dead socket), so a live client is never silent for
 * long; a socket whose client says nothing for three of its ping intervals is a client that is gone
 * (sleep, a dropped network) whose place the hub takes back instead of holding it for ever.
 *
 * <p>Silence is what the client sends: each frame it sends marks the socket as heard, and a sweep every
 * few seconds closes (1000) the sockets not heard for their limit. The container's own idle timeout is not
 * used: it re-arms a timer on the managed scheduler (capturing the request context) for every frame sent
 * and received, which profiled as a tenth of the hub's CPU under chat load; a mark and a periodic sweep
 * cost a clock read per frame and one pass over the sockets every few seconds.
 */
@ApplicationScoped
class IdleTimeouts extends PeriodicSweep {

    /** The close a silent socket gets: normal, as for the widget and console any close is a reconnect. */
    static final CloseReason SILENT = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "IDLE_TIMEOUT");

    @Inject
    @ConfigProperty(name = "support.hub.chat.idle-timeout-seconds", defaultValue = "90")
    long widgetSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.console.idle-timeout-seconds", defaultValue = "45")
    long consoleSeconds;

    private final Map<Session, Watched> watched = new ConcurrentHashMap<>();

    /** One socket under watch: when its client was last heard, its limit, and how to close it. */
    private record Watched(AtomicLong lastHeard, long limitMillis, Consumer<CloseReason> close) {
    }

    /** A sixth of the shorter limit, at least a second: a silent socket is closed within 1.2 times its limit. */
    @Override
    long sweepMillis() {
        return Math.max(1000, Math.min(limitMillis(widgetSeconds), limitMillis(consoleSeconds)) / 6);
    }

    void widget(Session session, Consumer<CloseReason> close) {
        watch(session, limitMillis(widgetSeconds), close);
    }

    void console(Session session, Consumer<CloseReason> close) {
        watch(session, limitMillis(consoleSeconds), close);
    }

    private void watch(Session session, long limitMillis, Consumer<CloseReason> close) {
        watched.put(session, new Watched(new AtomicLong(clock.getAsLong()), limitMillis, close));
    }

    /** The client sent a frame. */
    void heard(Session session) {
        Watched w = watched.get(session);
        if (w != null) {
            w.lastHeard.set(clock.getAsLong());
        }
    }

    void forget(Session session) {
        watched.remove(session);
    }

    /** Closes every socket whose client has been silent past its limit. */
    @Override
    void sweep() {
        long now = clock.getAsLong();
        watched.forEach((session, w) -> {
            if (now - w.lastHeard.get() >= w.limitMillis && watched.remove(session, w)) {
                w.close.accept(SILENT);
            }
        });
    }

    int watching() {
        return watched.size();
    }

    private static long limitMillis(long seconds) {
        return Math.max(1, seconds) * 1000;
    }
}
