package org.supporthub.core.application;

import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;

/**
 * The hub's outgoing mail. {@link #enqueue} joins the caller's transaction: the mail is stored with what
 * causes it, or not at all, and sent afterwards by a timer (once per cluster), with retries. Nothing is ever
 * dropped: without SMTP a development hub keeps mail in its local mailbox ({@code /demo/mail}), and a
 * production hub keeps it pending and says so (log, health) until SMTP is configured.
 */
public interface MailOutbox {

    /**
     * Stores a mail for {@code cause} unless that cause already has one.
     *
     * @return whether it was stored
     */
    boolean enqueue(String cause, String recipient, SupportLocale locale, String subject, String body);

    /** The newest mails, newest first, for the development mailbox. */
    List<OutgoingMail> latest(int limit);

    /** What health reports. */
    Status status();

    /**
     * @param configured whether SMTP is configured
     * @param pending    mails waiting to be sent
     */
    record Status(boolean configured, boolean development, long pending) {
    }
}
