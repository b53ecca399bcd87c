package org.supporthub.core.infrastructure.scheduling;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.MailTransport;
import org.supporthub.core.application.PeriodicTurns;
import org.supporthub.core.application.internal.MailDispatch;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due mail every {@code support.hub.mail.beat-millis} (default five seconds), once per
 * cluster ({@link PeriodicTurns}): every instance wakes each beat, the one that takes the beat sends.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class MailTimer {

    static final String JOB = "mail-beat";
    private static final Logger LOG = Logger.getLogger(MailTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MailDispatch dispatch;

    @Inject
    MailTransport transport;

    @Inject
    HubSettings settings;

    @Inject
    PeriodicTurns turns;

    @Inject
    @ConfigProperty(name = "support.hub.mail.beat-millis", defaultValue = "5000")
    long beatMillis;

    @PostConstruct
    void schedule() {
        if (!transport.configured()) {
            if (settings.development()) {
                LOG.info("Mail is not configured (SUPPORT_HUB_MAIL_SMTP_HOST): development mode keeps it in the"
                        + " local mailbox at /demo/mail");
            } else {
                LOG.warning("Mail is not configured (SUPPORT_HUB_MAIL_SMTP_HOST): mail to administrators is kept"
                        + " in the outbox, unsent, until it is");
            }
        }
        long millis = period();
        timers.createIntervalTimer(PeriodicTurns.delayToNextBeat(System.currentTimeMillis(), millis), millis,
                new TimerConfig(JOB, false));
    }

    private long period() {
        return Math.max(200, beatMillis);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        if (turns.take(JOB, period()).isEmpty()) {
            return;
        }
        try {
            dispatch.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending mail failed; the next beat retries", e);
        }
    }
}
