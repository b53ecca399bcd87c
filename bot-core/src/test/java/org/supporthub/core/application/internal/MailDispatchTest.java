package org.supporthub.core.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.MailTransport;
import org.supporthub.core.domain.model.mail.MailStatus;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.mail.OutgoingMailRepository;

/** The outbox's sending beat on in-memory storage and a recording transport. */
class MailDispatchTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final Map<String, OutgoingMail> stored = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private boolean smtp = true;
    private boolean refuse;
    private final MailDispatch dispatch = new MailDispatch();

    MailDispatchTest() {
        dispatch.mails = new OutgoingMailRepository() {
            @Override
            public boolean storeOnce(OutgoingMail mail) {
                if (stored.values().stream().anyMatch(m -> m.cause().equals(mail.cause()))) {
                    return false;
                }
                stored.put(mail.id(), mail);
                return true;
            }

            @Override
            public List<OutgoingMail> claimDue(Instant now, Instant leaseUntil, int limit) {
                // As the real one: claimed mails are not due again before the lease ends.
                List<OutgoingMail> due = stored.values().stream()
                        .filter(m -> m.status() == MailStatus.PENDING && !m.nextAttemptAt().isAfter(now))
                        .sorted(Comparator.comparing(OutgoingMail::createdAt)).limit(limit).toList();
                due.forEach(m -> leased.put(m.id(), leaseUntil));
                return due;
            }

            @Override
            public List<OutgoingMail> findAll(Collection<String> ids) {
                return ids.stream().map(stored::get).toList();
            }

            @Override
            public List<OutgoingMail> latest(int limit) {
                return List.copyOf(stored.values());
            }

            @Override
            public long pendingCount() {
                return stored.values().stream().filter(m -> m.status() == MailStatus.PENDING).count();
            }
        };
        dispatch.transport = new MailTransport() {
            @Override
            public boolean configured() {
                return smtp;
            }

            @Override
            public void send(String recipient, String subject, String body) throws MailFailure {
                if (refuse) {
                    throw new MailFailure("421 try later", null);
                }
                sent.add(recipient + "|" + subject);
            }
        };
        dispatch.clock = Clock.fixed(T0, ZoneOffset.UTC);
        dispatch.self = dispatch;
        dispatch.settings = settings("production");
    }

    private final Map<String, Instant> leased = new LinkedHashMap<>();

    private static HubSettings settings(String mode) {
        HubSettings s = new HubSettings();
        try {
            var f = HubSettings.class.getDeclaredField("mode");
            f.setAccessible(true);
            f.set(s, Optional.of(mode));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    private void enqueue(String cause) {
        dispatch.mails.storeOnce(new OutgoingMail("id-" + cause, cause, "ada@portal.test", "en", "S " + cause, "B",
                T0.minusSeconds(1)));
    }

    @Test
    void due_mail_is_sent_and_marked_sent() {
        enqueue("answer:s1:5");
        assertThat(dispatch.sendDue()).isEqualTo(1);
        assertThat(sent).containsExactly("ada@portal.test|S answer:s1:5");
        assertThat(stored.get("id-answer:s1:5").status()).isEqualTo(MailStatus.SENT);
        assertThat(leased).containsKey("id-answer:s1:5");
        assertThat(dispatch.sendDue()).as("sent once").isZero();
    }

    @Test
    void a_refused_send_is_retried_later_not_lost() {
        enqueue("answer:s1:5");
        refuse = true;
        dispatch.sendDue();
        OutgoingMail m = stored.get("id-answer:s1:5");
        assertThat(m.status()).isEqualTo(MailStatus.PENDING);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.nextAttemptAt()).isAfter(T0);
        assertThat(sent).isEmpty();
    }

    @Test
    void production_without_smtp_keeps_mail_pending() {
        smtp = false;
        enqueue("answer:s1:5");
        assertThat(dispatch.sendDue()).isZero();
        assertThat(stored.get("id-answer:s1:5").status()).isEqualTo(MailStatus.PENDING);
    }

    @Test
    void development_without_smtp_keeps_mail_in_the_local_mailbox() {
        smtp = false;
        dispatch.settings = settings("development");
        enqueue("answer:s1:5");
        assertThat(dispatch.sendDue()).isEqualTo(1);
        assertThat(stored.get("id-answer:s1:5").status()).isEqualTo(MailStatus.KEPT);
        assertThat(sent).isEmpty();
    }

    @Test
    void one_cause_is_stored_once() {
        enqueue("transcript:s1");
        enqueue("transcript:s1");
        assertThat(stored).hasSize(1);
    }
}
