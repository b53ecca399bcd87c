package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * What the conversation is told about its session ("Olga joined", "back in the queue"…), in the language
 * the session was opened in. Notes are stored messages: numbered, replayed, seen in every tab.
 */
@ApplicationScoped
public class SessionNotes {

    @Inject
    ChatService chat;

    @Inject
    BotTexts texts;

    @Inject
    StaffAccountRepository staff;

    @Inject
    org.supporthub.routing.domain.model.session.SupportSessionRepository sessions;

    public long bot(SupportSession session, String key, Object... args) {
        return chat.note(session.conversationId(), AuthorKind.BOT, text(session, key, args));
    }

    public long system(SupportSession session, String key, Object... args) {
        return chat.note(session.conversationId(), AuthorKind.SYSTEM, text(session, key, args));
    }

    /** A bot note offering buttons (the widget's actions). */
    public long botWithActions(SupportSession session, java.util.List<String> actions, String key, Object... args) {
        return chat.noteWithActions(session.conversationId(), text(session, key, args), actions);
    }

    /** A text in the language of the conversation's latest session (English when it has none). */
    public String text(String conversationId, String key, Object... args) {
        return texts.text(sessions.latestOfConversation(conversationId)
                .flatMap(s -> SupportLocale.fromTag(s.locale())).orElse(SupportLocale.EN), key, args);
    }

    /** A message the channel's manager wrote (welcome, out of hours), said by the bot as written. */
    public void botVerbatim(SupportSession session, String text) {
        if (text != null && !text.isBlank()) {
            chat.note(session.conversationId(), AuthorKind.BOT, text.strip());
        }
    }

    public String operatorName(String username) {
        return staff.findByUsername(username).map(StaffAccount::displayName).orElse(username);
    }

    private String text(SupportSession session, String key, Object... args) {
        return texts.text(SupportLocale.fromTag(session.locale()).orElse(SupportLocale.EN), key, args);
    }
}
