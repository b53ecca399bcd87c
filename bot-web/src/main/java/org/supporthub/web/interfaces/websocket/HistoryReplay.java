package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.ReadReceiptService;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadSide;
import jakarta.enterprise.event.Event;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.interfaces.websocket.protocol.MessageFrame;
import org.supporthub.web.interfaces.websocket.protocol.ReadFrame;
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

    @Inject
    ReadReceiptService receipts;

    @Inject
    @AdministratorReturned
    Event<AdministratorReturn> returned;

    void start(ChatConnection connection, PortalUser user, Portal portal, long lastSeq) {
        ChatOpening opening = chat.open(user, portal);
        connection.authenticated(user, opening.conversationId(), opening.locale(),
                after -> chat.history(opening.conversationId(), after, PAGE).stream()
                        .map(m -> new OrderedFeed.Numbered(m.seq(),
                                MessageFrame.forWidget(m, opening.locale(), texts).encode()))
                        .toList());
        boolean cameBack = connections.register(connection);
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
        // The read receipts as stored, after the history they refer to; later moves are pushed.
        ReadMarks marks = receipts.marks(opening.conversationId());
        for (ReadSide side : ReadSide.values()) {
            if (marks.of(side) > 0) {
                connection.reply(ReadFrame.forWidget(side, marks.of(side)));
            }
        }
        connections.pushSession(opening.conversationId());
        if (cameBack) {
            returned.fire(new AdministratorReturn(opening.conversationId(), user.name()));
        }
    }
}
