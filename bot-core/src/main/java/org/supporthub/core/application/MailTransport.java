package org.supporthub.core.application;

/** How a mail leaves the hub: SMTP (see the infrastructure), or nowhere while it is not configured. */
public interface MailTransport {

    /** Whether a mail server is configured ({@code SUPPORT_HUB_MAIL_SMTP_HOST}). */
    boolean configured();

    /**
     * Sends one plain-text mail (UTF-8).
     *
     * @throws MailFailure when the server refused it or could not be reached
     */
    void send(String recipient, String subject, String body) throws MailFailure;

    /** A send that failed; the outbox retries it later. */
    class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
