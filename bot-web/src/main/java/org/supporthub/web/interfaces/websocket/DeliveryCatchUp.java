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
import org.supporthub.core.application.ClusterMembership;

import java.util.Optional;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code support.hub.delivery.catch-up-millis} compares what the sockets on this instance were sent
 * with the database, and sends what is missing.
 *
 * <p>In a cluster on the data grid, changes reach the other instances at once through
 * {@link ClusterDelivery}; this is only the safety net for what the grid dropped (a partition, an instance
 * restarting), so it runs every {@value #CLUSTERED_DEFAULT_MILLIS} ms by default. An instance without the
 * grid (several of them on one database with {@code --nocluster}, or one whose push failed) has nothing but
 * this, so it runs every second by default.
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

    static final long ALONE_DEFAULT_MILLIS = 1_000;
    static final long CLUSTERED_DEFAULT_MILLIS = 20_000;

    @Inject
    @ConfigProperty(name = "support.hub.delivery.catch-up-millis")
    Optional<Long> everyMillis;

    @Inject
    ClusterMembership cluster;

    @PostConstruct
    void schedule() {
        long millis = cadence(everyMillis, cluster.clustered());
        LOG.info(() -> "Sockets are caught up with the database every " + millis + " ms");
        timers.createIntervalTimer(millis, millis, new TimerConfig("delivery-catch-up", false));
    }

    static long cadence(Optional<Long> configured, boolean clustered) {
        return Math.max(100, configured.orElse(clustered ? CLUSTERED_DEFAULT_MILLIS : ALONE_DEFAULT_MILLIS));
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
