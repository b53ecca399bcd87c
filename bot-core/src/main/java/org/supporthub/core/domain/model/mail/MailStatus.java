package org.supporthub.core.domain.model.mail;

/** Where a mail of the outbox stands. */
public enum MailStatus {

    /** Not sent yet: waiting for its next attempt (or for SMTP to be configured). */
    PENDING,

    /** Handed to the SMTP server. */
    SENT,

    /** Development mode without SMTP: kept in the local mailbox ({@code /demo/mail}) instead of sent. */
    KEPT,

    /** Refused too many times (see {@link OutgoingMail#MAX_ATTEMPTS}); no further attempt. */
    FAILED
}
