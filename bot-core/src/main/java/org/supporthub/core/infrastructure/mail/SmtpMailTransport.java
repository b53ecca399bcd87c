package org.supporthub.core.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.MailTransport;

import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * SMTP through Jakarta Mail. Configured by {@code SUPPORT_HUB_MAIL_SMTP_HOST}, {@code _PORT} (587),
 * {@code _USER}, {@code _PASSWORD}, {@code _FROM} and {@code _STARTTLS} (true: the connection must be
 * upgraded to TLS before any credential is sent); no host means no mail server, and the outbox keeps mail.
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {

    static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.from", defaultValue = "support-hub@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "support.hub.mail.smtp.starttls", defaultValue = "true")
    boolean starttls;

    private volatile Session session;

    @Override
    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public void send(String recipient, String subject, String body) throws MailFailure {
        if (!configured()) {
            throw new MailFailure("No SMTP host is configured", null);
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailFailure("SMTP refused or failed: " + e.getMessage(), e);
        }
    }

    private Session session() {
        Session s = session;
        if (s == null) {
            s = Session.getInstance(properties(), authenticator());
            session = s;
        }
        return s;
    }

    Properties properties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host.orElseThrow());
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.from", from);
        boolean auth = user.filter(u -> !u.isBlank()).isPresent();
        p.put("mail.smtp.auth", String.valueOf(auth));
        if (starttls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    private Authenticator authenticator() {
        if (user.filter(u -> !u.isBlank()).isEmpty()) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.orElseThrow(), password.orElse(""));
            }
        };
    }
}
