package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.MailTransport;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.mail.OutgoingMailRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due mail: claims a batch (one transaction, so the next beat, on whichever instance,
 * leaves it alone while it is sent), sends each outside any transaction, then records every result in one
 * transaction. A crash between sending and recording sends that mail again after the lease: at least once,
 * never lost.
 */
@ApplicationScoped
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class.getName());
    static final int BATCH = 20;
    /** Longer than a batch of sends can take (each SMTP call times out after ten seconds). */
    static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    OutgoingMailRepository mails;

    @Inject
    MailTransport transport;

    @Inject
    HubSettings settings;

    @Inject
    Clock clock;

    @Inject
    MailDispatch self;

    /** @return how many mails it handled (sent, kept or failed) */
    public int sendDue() {
        boolean smtp = transport.configured();
        if (!smtp && !settings.development()) {
            // Production without SMTP: kept pending (health and the log say so), never dropped.
            return 0;
        }
        List<OutgoingMail> due = self.claim();
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, String> failures = new HashMap<>();
        for (OutgoingMail mail : due) {
            if (!smtp) {
                continue;
            }
            try {
                transport.send(mail.recipient(), mail.subject(), mail.body());
            } catch (MailTransport.MailFailure e) {
                LOG.log(Level.WARNING, "Mail " + mail.id() + " could not be sent; it is retried later", e);
                failures.put(mail.id(), e.getMessage());
            }
        }
        self.record(due.stream().map(OutgoingMail::id).toList(), failures, smtp);
        return due.size();
    }

    @Transactional
    public List<OutgoingMail> claim() {
        Instant now = clock.instant();
        return mails.claimDue(now, now.plus(LEASE), BATCH);
    }

    @Transactional
    public void record(List<String> ids, Map<String, String> failures, boolean smtp) {
        Instant now = clock.instant();
        for (OutgoingMail mail : mails.findAll(ids)) {
            if (failures.containsKey(mail.id())) {
                mail.failed(failures.get(mail.id()), now);
            } else if (smtp) {
                mail.sent(now);
            } else {
                mail.kept(now);
            }
        }
    }
}
