package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.MessageStored;
import org.supporthub.core.domain.model.portal.SupportChannelDisabled;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The widget sockets open on this hub instance, by conversation, and the delivery of stored messages to
 * them. Delivery listens only after commit: nobody is told of a message that could still roll back.
 */
@ApplicationScoped
public class ChatConnections {

    private final Map<String, Set<ChatConnection>> byConversation = new ConcurrentHashMap<>();

    @Inject
    BotTexts texts;

    void register(ChatConnection connection) {
        byConversation.computeIfAbsent(connection.conversationId(), id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unregister(ChatConnection connection) {
        String conversationId = connection.conversationId();
        if (conversationId != null) {
            byConversation.computeIfPresent(conversationId, (id, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) @MessageStored ConversationMessage message) {
        for (ChatConnection c : byConversation.getOrDefault(message.conversationId(), Set.of())) {
            c.push(message.seq(), Frames.message(message, c.locale(), texts));
        }
    }

    void closeChats(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportChannelDisabled String portalId) {
        byConversation.values().forEach(set -> set.stream()
                .filter(c -> c.user() != null && c.user().portalId().equals(portalId))
                .forEach(c -> c.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE,
                        "SUPPORT_CHANNEL_DISABLED"))));
    }

    int count() {
        return byConversation.values().stream().mapToInt(Set::size).sum();
    }
}
