package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.interfaces.websocket.protocol.MessageFrame;
import org.supporthub.web.interfaces.websocket.protocol.WelcomeFrame;

import java.util.List;

/**
 * Starts an authenticated connection: opens the conversation, registers the socket for live messages
 * first, then replays what the client missed. Registering first means nothing stored meanwhile is lost;
 * the connection holds live messages back until the replay is queued, so the order stays intact.
 */
@ApplicationScoped
public class HistoryReplay {

    static final int PAGE = 500;

    @Inject
    ChatService chat;

    @Inject
    ChatConnections connections;

    @Inject
    BotTexts texts;

    void start(ChatConnection connection, PortalUser user, Portal portal, long lastSeq) {
        ChatOpening opening = chat.open(user, portal);
        connection.authenticated(user, opening.conversationId(), opening.locale(),
                after -> chat.history(opening.conversationId(), after, PAGE).stream()
                        .map(m -> new OrderedFeed.Numbered(m.seq(),
                                MessageFrame.forWidget(m, opening.locale(), texts).encode()))
                        .toList());
        connections.register(connection);
        connection.reply(WelcomeFrame.of(opening, user));
        // A client claiming more than the conversation holds (a stale or made-up number) is not believed:
        // everything stored from now on must still reach it.
        long after = Math.min(lastSeq, opening.lastSeq());
        List<ConversationMessage> page;
        do {
            page = chat.history(opening.conversationId(), after, PAGE);
            for (ConversationMessage m : page) {
                connection.replay(m.seq(), MessageFrame.forWidget(m, opening.locale(), texts).encode());
                after = m.seq();
            }
        } while (page.size() == PAGE);
        connection.replayed(after);
        connections.pushSession(opening.conversationId());
    }
}
