package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.TranscriptRequested;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

/**
 * The administrator asked (widget command {@code email-transcript}) for the transcript of their last closed
 * session: it goes to the outbox in this transaction, under the session's row lock, and the chat says where
 * it goes, or why it cannot.
 */
@ApplicationScoped
public class TranscriptMailing {

    @Inject
    SupportSessionRepository sessions;

    @Inject
    ConversationRepository conversations;

    @Inject
    SessionMail mail;

    @Inject
    SessionNotes notes;

    @Inject
    ChatService chat;

    @Transactional
    void requested(@Observes @TranscriptRequested String conversationId) {
        SupportSession session = sessions.latestOfConversation(conversationId)
                .flatMap(s -> sessions.findForUpdate(s.id())).orElse(null);
        SessionMail.TranscriptResult result = session == null ? SessionMail.TranscriptResult.NO_CLOSED_SESSION
                : mail.transcript(session);
        String text = switch (result) {
            case QUEUED -> notes.text(conversationId, "session.transcriptSent",
                    mail.addressOf(session, conversations.find(conversationId).orElseThrow()).orElseThrow());
            case NO_CLOSED_SESSION -> notes.text(conversationId, "session.noTranscript");
            case NO_ADDRESS -> notes.text(conversationId, "session.noEmail");
        };
        chat.note(conversationId, AuthorKind.BOT, text);
    }
}
