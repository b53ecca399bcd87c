package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.supporthub.core.application.WidgetPresence;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this instance's part of the cluster-wide widget presence true: every second the conversations whose
 * widgets here appeared or went away are written ({@link ChatConnections#flushPresence}), and every
 * {@value WidgetPresence#HEARTBEAT_SECONDS} seconds this instance's rows are refreshed. Runs on every
 * instance (each has its own sockets), not once per cluster.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class WidgetPresenceBeat {

    private static final Logger LOG = Logger.getLogger(WidgetPresenceBeat.class.getName());
    static final long FLUSH_MILLIS = 1_000;

    @Resource
    TimerService timers;

    @Inject
    ChatConnections chats;

    @Inject
    WidgetPresence presence;

    private long beats;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FLUSH_MILLIS, FLUSH_MILLIS, new TimerConfig("widget-presence", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        try {
            chats.flushPresence();
            if (++beats % (WidgetPresence.HEARTBEAT_SECONDS * 1000 / FLUSH_MILLIS) == 0) {
                presence.heartbeat();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Widget presence could not be written; the next beat retries", e);
        }
    }
}
