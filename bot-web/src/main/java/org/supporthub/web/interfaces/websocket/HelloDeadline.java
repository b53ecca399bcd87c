package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Closes a socket that has not said {@code hello} in time, so idle anonymous sockets cannot pile up.
 *
 * <p>The deadline is the client's: a {@code hello} that arrived in time is answered however long the hub
 * takes over it (a cold start, a busy database); a slow hub must not turn into a refused client.
 *
 * <p>One sweep a second closes the sockets past their deadline. A timer per socket would capture the
 * request context on the managed scheduler at every connect, a class-path scan that profiled as the lock
 * every connecting socket waited on (docs/benchmarks.md).
 */
@ApplicationScoped
public class HelloDeadline extends PeriodicSweep {

    static final CloseReason TIMED_OUT = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "HELLO_TIMEOUT");
    static final long SWEEP_MILLIS = 1000;

    @Inject
    @ConfigProperty(name = "support.hub.chat.hello-timeout", defaultValue = "10")
    long helloTimeoutSeconds;

    private final Map<Object, Waiting> waiting = new ConcurrentHashMap<>();

    /** A socket that has not said hello yet: its deadline, whether it has said it, and how to close it. */
    private record Waiting(long deadline, BooleanSupplier saidHello, Consumer<CloseReason> close) {
    }

    void watch(ChatConnection connection) {
        watch(connection, connection::saidHello, connection::close);
    }

    void watch(ConsoleConnection connection) {
        watch(connection, connection::saidHello, connection::close);
    }

    private void watch(Object connection, BooleanSupplier saidHello, Consumer<CloseReason> close) {
        waiting.put(connection, new Waiting(clock.getAsLong() + Math.max(1, helloTimeoutSeconds) * 1000,
                saidHello, close));
    }

    @Override
    long sweepMillis() {
        return SWEEP_MILLIS;
    }

    /** Closes the sockets whose deadline passed without a hello; forgets those that said it. */
    @Override
    void sweep() {
        long now = clock.getAsLong();
        waiting.forEach((connection, w) -> {
            if (w.saidHello.getAsBoolean()) {
                waiting.remove(connection, w);
            } else if (now >= w.deadline && waiting.remove(connection, w)) {
                w.close.accept(TIMED_OUT);
            }
        });
    }

    /** A socket closed before its deadline: nothing to watch any more. */
    void forget(Object connection) {
        waiting.remove(connection);
    }

    int watching() {
        return waiting.size();
    }
}
