package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code support.hub.delivery.catch-up-millis} (default one second) compares what the sockets on
 * this instance were sent with the database, and sends what is missing. Live pushes follow events of this
 * instance only; this is how a widget or console learns, within a second, of messages stored and sessions
 * moved by another hub instance on the same database.
 */
@Singleton
@Startup
public class DeliveryCatchUp {

    private static final Logger LOG = Logger.getLogger(DeliveryCatchUp.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChatConnections chats;

    @Inject
    ConsoleConnections consoles;

    @Inject
    @ConfigProperty(name = "support.hub.delivery.catch-up-millis", defaultValue = "1000")
    long everyMillis;

    @PostConstruct
    void schedule() {
        long millis = Math.max(100, everyMillis);
        timers.createIntervalTimer(millis, millis, new TimerConfig("delivery-catch-up", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            chats.catchUp();
            consoles.catchUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catching up the sockets failed; the next round retries", e);
        }
    }
}
