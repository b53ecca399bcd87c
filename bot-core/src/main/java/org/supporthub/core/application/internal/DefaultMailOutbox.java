package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.MailOutbox;
import org.supporthub.core.application.MailTransport;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.mail.OutgoingMailRepository;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DefaultMailOutbox implements MailOutbox {

    @Inject
    OutgoingMailRepository mails;

    @Inject
    MailTransport transport;

    @Inject
    HubSettings settings;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String cause, String recipient, SupportLocale locale, String subject, String body) {
        // MANDATORY: the mail must commit with its cause, never on its own.
        return mails.storeOnce(new OutgoingMail(UUID.randomUUID().toString(), cause, recipient, locale.tag(),
                subject, body, clock.instant()));
    }

    @Override
    @Transactional
    public List<OutgoingMail> latest(int limit) {
        return mails.latest(limit);
    }

    @Override
    @Transactional
    public Status status() {
        return new Status(transport.configured(), settings.development(), mails.pendingCount());
    }
}
