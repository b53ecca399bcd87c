package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.MailOutbox;
import org.supporthub.core.application.WidgetPresence;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.domain.model.session.SupportSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mail to the administrator of a session, written to the outbox inside the caller's transaction (which holds
 * the session's row lock): an operator's answer while no widget of the conversation is open anywhere in the
 * cluster (at most one per session per quiet period), and the transcript of a closed session on request.
 * Polish or English, as the session was opened in; the answer mail links back to the portal.
 */
@ApplicationScoped
public class SessionMail {

    @Inject
    MailOutbox outbox;

    @Inject
    WidgetPresence widgets;

    @Inject
    ConversationRepository conversations;

    @Inject
    PortalRepository portals;

    @Inject
    BotTexts texts;

    @Inject
    DefaultSupportSessionQueries queries;

    /** At most one answer mail per session within this many minutes. */
    @Inject
    @ConfigProperty(name = "support.hub.mail.quiet-minutes", defaultValue = "15")
    long quietMinutes = 15;

    /**
     * The operator answered (message {@code seq}, already stored): mails the administrator when they have no
     * widget open, an address is known, and no answer was mailed within the quiet period.
     *
     * @return whether a mail was written to the outbox
     */
    public boolean answered(SupportSession session, long seq, String operatorName, String text, Instant now) {
        Conversation conversation = conversations.find(session.conversationId()).orElse(null);
        if (conversation == null) {
            return false;
        }
        Optional<String> to = addressOf(session, conversation);
        // Cheap checks first; the presence read only when a mail is possible at all.
        if (to.isEmpty() || widgets.open(session.conversationId())
                || !session.mayMailAnswer(Duration.ofMinutes(quietMinutes), now)) {
            return false;
        }
        SupportLocale locale = localeOf(session);
        return outbox.enqueue("answer:" + session.id() + ":" + seq, to.get(), locale,
                texts.text(locale, "mail.answer.subject"),
                texts.text(locale, "mail.answer.body", conversation.userName(), operatorName, text,
                        portalLink(session), String.valueOf(quietMinutes)));
    }

    /** The operator answered with files (message {@code seq}): mailed as {@link #answered}, naming the files. */
    public boolean answeredWithFiles(SupportSession session, long seq, String operatorName, List<String> fileNames,
                                     Instant now) {
        return answered(session, seq, operatorName,
                texts.text(localeOf(session), "mail.answer.files", String.join(", ", fileNames)), now);
    }

    /** Why a transcript could not be mailed, or that it was. */
    public enum TranscriptResult { QUEUED, NO_CLOSED_SESSION, NO_ADDRESS }

    /** Writes the transcript of the closed session to the outbox (once per session), to its administrator. */
    public TranscriptResult transcript(SupportSession session) {
        if (session.isOpen()) {
            return TranscriptResult.NO_CLOSED_SESSION;
        }
        Conversation conversation = conversations.find(session.conversationId()).orElseThrow();
        Optional<String> to = addressOf(session, conversation);
        if (to.isEmpty()) {
            return TranscriptResult.NO_ADDRESS;
        }
        SupportLocale locale = localeOf(session);
        // The cause is the session: asking again does not send a second copy.
        outbox.enqueue("transcript:" + session.id(), to.get(), locale, texts.text(locale, "mail.transcript.subject"),
                texts.text(locale, "mail.transcript.body", conversation.userName(), queries.transcriptOf(session),
                        portalLink(session)));
        return TranscriptResult.QUEUED;
    }

    /** The address the administrator left with the question, else the one of their token. */
    public Optional<String> addressOf(SupportSession session, Conversation conversation) {
        return session.contactEmail().or(conversation::userEmail);
    }

    private static SupportLocale localeOf(SupportSession session) {
        return SupportLocale.fromTag(session.locale()).orElse(SupportLocale.EN);
    }

    private String portalLink(SupportSession session) {
        return portals.find(session.portalId())
                .map(p -> p.verifiedAddress().orElse(p.publicAddress()).value()).orElse("");
    }
}
