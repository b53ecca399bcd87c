package org.supporthub.core.domain.model.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One mail of the outbox. It is written in the same transaction as what causes it (an operator's answer, a
 * transcript request), so a crash right after loses nothing; a timer sends it later, retrying with backoff.
 *
 * <p>{@code cause} names what the mail is for ({@code answer:<session>:<seq>}, {@code transcript:<session>});
 * it is unique, so one cause never yields two mails, however often it is retried.
 */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {

    /** Longest body kept; a longer transcript is cut and says so. */
    public static final int MAX_BODY = 100_000;
    /** After this many failed attempts the mail is given up ({@link MailStatus#FAILED}). */
    public static final int MAX_ATTEMPTS = 12;
    /** The first retry waits this long; every further one twice as long, up to {@link #MAX_BACKOFF}. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "cause", nullable = false, length = 200, unique = true)
    private String cause;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body", nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "locale", nullable = false, length = 5)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private MailStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutgoingMail() {
        // for JPA
    }

    public OutgoingMail(String id, String cause, String recipient, String locale, String subject, String body,
                        Instant now) {
        this.id = Objects.requireNonNull(id);
        this.cause = Objects.requireNonNull(cause);
        this.recipient = Objects.requireNonNull(recipient);
        this.locale = Objects.requireNonNull(locale);
        this.subject = cut(Objects.requireNonNull(subject), 300);
        this.body = cut(Objects.requireNonNull(body), MAX_BODY);
        this.status = MailStatus.PENDING;
        this.createdAt = Objects.requireNonNull(now);
        this.nextAttemptAt = now;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 2) + "\n…";
    }

    /** The SMTP server took it. */
    public void sent(Instant now) {
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** Development mode without SMTP: shown in the local mailbox instead. */
    public void kept(Instant now) {
        status = MailStatus.KEPT;
        sentAt = now;
    }

    /** An attempt failed: the next waits longer, and after {@link #MAX_ATTEMPTS} the mail is given up. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? "unknown" : cut(error, 1000);
        if (attempts >= MAX_ATTEMPTS) {
            status = MailStatus.FAILED;
            return;
        }
        nextAttemptAt = now.plus(backoff(attempts));
    }

    /** How long to wait after the {@code attempts}-th failure: 30 s, 1 min, 2 min… at most an hour. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF;
        for (int i = 1; i < attempts && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    public String id() {
        return id;
    }

    public String cause() {
        return cause;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String locale() {
        return locale;
    }

    public MailStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
