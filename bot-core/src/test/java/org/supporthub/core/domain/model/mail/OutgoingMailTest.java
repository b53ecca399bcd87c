package org.supporthub.core.domain.model.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static OutgoingMail mail() {
        return new OutgoingMail("m1", "answer:s1:7", "anna@example.com", "pl", "Subject", "Body", T0);
    }

    @Test
    void a_new_mail_is_pending_and_due_at_once() {
        OutgoingMail m = mail();
        assertThat(m.status()).isEqualTo(MailStatus.PENDING);
        assertThat(m.nextAttemptAt()).isEqualTo(T0);
        assertThat(m.attempts()).isZero();
    }

    @Test
    void each_failure_waits_twice_as_long_up_to_an_hour() {
        assertThat(OutgoingMail.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutgoingMail.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutgoingMail.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutgoingMail.backoff(20)).isEqualTo(Duration.ofHours(1));

        OutgoingMail m = mail();
        m.failed("connection refused", T0);
        assertThat(m.status()).isEqualTo(MailStatus.PENDING);
        assertThat(m.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(m.lastError()).contains("connection refused");
    }

    @Test
    void a_mail_failing_too_often_is_given_up() {
        OutgoingMail m = mail();
        for (int i = 0; i < OutgoingMail.MAX_ATTEMPTS - 1; i++) {
            m.failed("no", T0);
        }
        assertThat(m.status()).isEqualTo(MailStatus.PENDING);
        m.failed("no", T0);
        assertThat(m.status()).isEqualTo(MailStatus.FAILED);
    }

    @Test
    void sent_and_kept_record_when() {
        OutgoingMail sent = mail();
        sent.sent(T0.plusSeconds(5));
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.sentAt()).contains(T0.plusSeconds(5));

        OutgoingMail kept = mail();
        kept.kept(T0);
        assertThat(kept.status()).isEqualTo(MailStatus.KEPT);
    }

    @Test
    void an_overlong_body_is_cut_and_says_so() {
        OutgoingMail m = new OutgoingMail("m1", "c", "a@example.com", "en", "S", "x".repeat(OutgoingMail.MAX_BODY + 10), T0);
        assertThat(m.body()).hasSize(OutgoingMail.MAX_BODY).endsWith("\n…");
    }
}
