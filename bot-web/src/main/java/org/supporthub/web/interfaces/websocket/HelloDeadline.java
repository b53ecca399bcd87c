package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.TimeUnit;

/**
 * Closes a socket that has not said {@code hello} in time, so idle anonymous sockets cannot pile up.
 *
 * <p>The deadline is the client's: a {@code hello} that arrived in time is answered however long the hub
 * takes over it (a cold start, a busy database); a slow hub must not turn into a refused client.
 */
@ApplicationScoped
public class HelloDeadline {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "support.hub.chat.hello-timeout", defaultValue = "10")
    long helloTimeoutSeconds;

    void watch(ChatConnection connection) {
        watch(connection::saidHello, connection.session(), connection::close);
    }

    void watch(ConsoleConnection connection) {
        watch(connection::saidHello, connection.session(), connection::close);
    }

    private void watch(java.util.function.BooleanSupplier saidHello, jakarta.websocket.Session session,
                       java.util.function.Consumer<CloseReason> close) {
        scheduler.schedule(() -> {
            if (!saidHello.getAsBoolean() && session.isOpen()) {
                close.accept(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "HELLO_TIMEOUT"));
            }
        }, helloTimeoutSeconds, TimeUnit.SECONDS);
    }
}
