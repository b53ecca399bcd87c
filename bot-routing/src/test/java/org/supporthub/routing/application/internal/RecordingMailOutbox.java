package org.supporthub.routing.application.internal;

import org.supporthub.core.application.MailOutbox;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox as routing uses it: mails by cause, once per cause as the real one keeps them. */
final class RecordingMailOutbox implements MailOutbox {

    final Map<String, OutgoingMail> byCause = new LinkedHashMap<>();

    @Override
    public boolean enqueue(String cause, String recipient, SupportLocale locale, String subject, String body) {
        if (byCause.containsKey(cause)) {
            return false;
        }
        byCause.put(cause, new OutgoingMail("m" + byCause.size(), cause, recipient, locale.tag(), subject, body,
                Instant.EPOCH));
        return true;
    }

    List<OutgoingMail> all() {
        return new ArrayList<>(byCause.values());
    }

    @Override
    public List<OutgoingMail> latest(int limit) {
        return all();
    }

    @Override
    public Status status() {
        return new Status(true, false, byCause.size());
    }
}
