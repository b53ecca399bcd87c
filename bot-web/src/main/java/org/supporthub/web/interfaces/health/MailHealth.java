package org.supporthub.web.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.supporthub.core.application.MailOutbox;

/**
 * Says whether mail can leave the hub and how much waits. It stays UP: an instance without SMTP still serves
 * every chat, and taking it out of the load balancer would help nobody. But a production hub without SMTP
 * says so ({@code configured: false}, a {@code warning}), and its mail waits in the outbox, counted.
 */
@Readiness
@ApplicationScoped
public class MailHealth implements HealthCheck {

    @Inject
    MailOutbox outbox;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("mail").up();
        try {
            MailOutbox.Status s = outbox.status();
            b.withData("configured", s.configured()).withData("pending", s.pending());
            if (!s.configured()) {
                b.withData("warning", s.development()
                        ? "mail is not configured: development keeps it in the local mailbox (/demo/mail)"
                        : "mail is not configured (SUPPORT_HUB_MAIL_SMTP_HOST): mail is kept in the outbox, unsent");
            }
        } catch (RuntimeException e) {
            // The database check reports the database; this one only what it could learn.
            b.withData("error", e.getClass().getSimpleName());
        }
        return b.build();
    }
}
