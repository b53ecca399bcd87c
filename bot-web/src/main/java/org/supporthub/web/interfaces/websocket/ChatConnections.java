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
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;

import java.util.HashSet;
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

    @Inject
    SupportSessionQueries sessions;

    @Inject
    org.supporthub.core.application.ChatService chat;

    void register(ChatConnection connection) {
        // The add happens inside the map's atomic compute: an unregister that empties and drops the set
        // at the same moment cannot leave this socket in a set the map no longer holds.
        byConversation.compute(connection.conversationId(), (id, set) -> {
            Set<ChatConnection> sockets = set == null ? ConcurrentHashMap.newKeySet() : set;
            sockets.add(connection);
            return sockets;
        });
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

    /**
     * A session moved: its widget, and the widgets of every session queued in the same channels (their
     * positions may have moved), get a fresh {@code session} frame.
     */
    void sessionsMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportSessionChanged SessionChange change) {
        Set<String> affected = new HashSet<>(sessions.openConversationsIn(change.channelIds()));
        affected.add(change.conversationId());
        affected.retainAll(byConversation.keySet());
        affected.forEach(this::pushSession);
    }

    /** Sends the conversation's current session to its sockets here (they skip a frame equal to their last). */
    void pushSession(String conversationId) {
        Set<ChatConnection> set = byConversation.get(conversationId);
        if (set == null || set.isEmpty()) {
            return;
        }
        sessions.forConversation(conversationId).map(SessionFrames::widgetSession)
                .ifPresent(frame -> set.forEach(c -> c.pushSession(frame)));
    }

    /**
     * Brings every widget here up to date with the database: messages stored meanwhile and session
     * frames, also those another hub instance stored or decided, whose events this instance never saw.
     */
    void catchUp() {
        Set<String> here = Set.copyOf(byConversation.keySet());
        if (here.isEmpty()) {
            return;
        }
        Map<String, Long> last = chat.lastSeqs(here);
        Set<String> withSessions = sessions.openConversations();
        for (String conversationId : here) {
            Set<ChatConnection> set = byConversation.getOrDefault(conversationId, Set.of());
            set.forEach(c -> c.catchUp(last.getOrDefault(conversationId, 0L)));
            // Open sessions move (queue positions); a session that just closed must say so once.
            if (withSessions.contains(conversationId) || set.stream().anyMatch(c -> !c.sessionSettled())) {
                pushSession(conversationId);
            }
        }
    }

    /** An operator is typing in this conversation. */
    void typing(String conversationId, String operatorName) {
        String frame = SessionFrames.typing(operatorName, null);
        byConversation.getOrDefault(conversationId, Set.of()).forEach(c -> c.reply(frame));
    }

    int count() {
        return byConversation.values().stream().mapToInt(Set::size).sum();
    }
}
