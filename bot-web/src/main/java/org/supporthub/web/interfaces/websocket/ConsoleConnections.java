package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.MessageStored;
import org.supporthub.core.domain.model.conversation.ConversationRead;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.staff.ConsoleNotifications;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.core.domain.model.staff.StaffAccessRevoked;
import org.supporthub.routing.application.OperatorPresenceService;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.domain.model.operator.OperatorPresenceChanged;
import org.supporthub.web.infrastructure.security.ConsoleAccessGuard;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.websocket.protocol.ConsoleWelcomeFrame;
import org.supporthub.web.interfaces.websocket.protocol.MessageFrame;
import org.supporthub.web.interfaces.websocket.protocol.PresenceFrame;
import org.supporthub.web.interfaces.websocket.protocol.ReadFrame;
import org.supporthub.web.interfaces.websocket.protocol.ReturnedFrame;
import org.supporthub.web.interfaces.websocket.protocol.TypingFrame;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console sockets open on this hub instance, by operator, and what is pushed to them: messages of
 * the conversations they opened, the changes to their list of sessions when sessions moved, their presence.
 * Like the widget's delivery it listens only after commit.
 */
@ApplicationScoped
public class ConsoleConnections {

    private static final Logger LOG = Logger.getLogger(ConsoleConnections.class.getName());

    private final Map<String, Set<ConsoleConnection>> byOperator = new ConcurrentHashMap<>();
    /**
     * Held while session lists are read and handed to the connections, so that two refreshes never
     * overtake each other with an older list. It is no connection's lock: connections only compute their
     * difference in memory under it.
     */
    private final Object sessionFrames = new Object();

    @Inject
    SupportSessionQueries queries;

    @Inject
    OperatorPresenceService presence;

    @Inject
    BotTexts texts;

    @Inject
    org.supporthub.core.application.ChatService chat;

    @Inject
    ConsoleAccessGuard access;

    void register(ConsoleConnection connection) {
        // The add happens inside the map's atomic compute: an unregister that empties and drops the set
        // at the same moment cannot leave this socket in a set the map no longer holds.
        byOperator.compute(connection.operator().username(), (u, set) -> {
            Set<ConsoleConnection> sockets = set == null ? ConcurrentHashMap.newKeySet() : set;
            sockets.add(connection);
            return sockets;
        });
    }

    /** @return whether it was the operator's last console socket on this instance */
    boolean unregister(ConsoleConnection connection) {
        if (connection.operator() == null) {
            return false;
        }
        boolean[] last = {false};
        byOperator.computeIfPresent(connection.operator().username(), (u, set) -> {
            set.remove(connection);
            // A socket whose end was never reported must not keep the operator "connected" for ever.
            set.removeIf(c -> !c.session().isOpen());
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    /**
     * Console logins withdrawn by a change committed on this instance: their sockets close at once, with
     * 1008 and the reason. (Other instances close theirs in the next {@link #catchUp}.)
     */
    void accessRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) @StaffAccessRevoked ConsoleAccessChange change) {
        for (Set<ConsoleConnection> set : byOperator.values()) {
            for (ConsoleConnection c : set) {
                StaffTokens.Operator operator = c.operator();
                boolean affected = change.tokenId() != null ? change.tokenId().equals(operator.tokenId())
                        : change.accountId().equals(operator.accountId());
                if (affected) {
                    access.changed(change, operator.expiresAt());
                    c.close(ConsoleEndpoint.policy(change.reason()));
                }
            }
        }
        if (change.tokenId() == null) {
            access.changed(change, null);
        }
    }

    /** Closes the sockets whose login no longer holds, whichever hub instance withdrew it. */
    private void enforceAccess() {
        java.util.List<ConsoleConnection> all = new java.util.ArrayList<>();
        byOperator.values().forEach(all::addAll);
        Map<StaffTokens.Operator, String> refused = access.refusals(all.stream().map(ConsoleConnection::operator)
                .distinct().toList());
        for (ConsoleConnection c : all) {
            String reason = refused.get(c.operator());
            if (reason != null) {
                c.close(ConsoleEndpoint.policy(reason));
            }
        }
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) @MessageStored ConversationMessage message) {
        String frame = null;
        for (Set<ConsoleConnection> set : byOperator.values()) {
            for (ConsoleConnection c : set) {
                if (c.hasOpened(message.conversationId())) {
                    frame = frame == null ? MessageFrame.forConsole(message, texts).encode() : frame;
                    c.push(message.conversationId(), message.seq(), frame);
                }
            }
        }
    }

    /**
     * A read mark moved (committed): every console here that opened the conversation is told, with one frame
     * built once. The same event tells the widgets ({@link ChatConnections#read}).
     */
    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) @ConversationRead ReadReceipt receipt) {
        String frame = null;
        for (Set<ConsoleConnection> set : byOperator.values()) {
            for (ConsoleConnection c : set) {
                if (c.hasOpened(receipt.conversationId())) {
                    frame = frame == null ? ReadFrame.forConsole(receipt).encode() : frame;
                    c.replyEncoded(frame);
                }
            }
        }
    }

    /**
     * The administrator of a conversation came back after being away: the operator holding its session (if
     * anyone does) hears of it on every console of theirs here.
     */
    void administratorReturned(@Observes @AdministratorReturned AdministratorReturn back) {
        queries.ownerOfConversation(back.conversationId()).ifPresent(operator -> {
            String frame = new ReturnedFrame(back.conversationId(), back.name()).encode();
            byOperator.getOrDefault(operator, Set.of()).forEach(c -> c.replyEncoded(frame));
        });
    }

    /**
     * Sessions moved (coalesced by {@link SessionPushes}): every console here gets what changed in its
     * list, from one read of the open sessions for all operators together.
     */
    void sessionsMoved() {
        refreshSessions(Set.copyOf(byOperator.keySet()));
    }

    void presenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @OperatorPresenceChanged String operator) {
        Set<ConsoleConnection> set = byOperator.get(operator);
        if (set != null) {
            PresenceFrame frame = new PresenceFrame(presence.status(operator));
            set.forEach(c -> c.reply(frame));
            refreshSessions(Set.of(operator));
        }
    }

    /**
     * A console said hello: its {@code welcome} (with the console language the staff member chose, or null),
     * then the full list, read and sent under the same lock as
     * the changes, so that no older list can overtake it.
     */
    void welcome(ConsoleConnection connection, String operator, String locale, ConsoleNotifications notifications) {
        synchronized (sessionFrames) {
            java.util.List<SupportSessionQueries.ConsoleSession> now = queries.forOperator(operator);
            connection.reply(new ConsoleWelcomeFrame(queries.profile(operator), locale, now, notifications));
            connection.fullSessions(now);
        }
    }

    /** The console asked for its whole list again (it lost track): the full {@code sessions} frame. */
    void fullSessions(ConsoleConnection connection, String operator) {
        synchronized (sessionFrames) {
            connection.fullSessions(queries.forOperator(operator));
        }
    }

    private void refreshSessions(Set<String> operators) {
        if (operators.isEmpty()) {
            return;
        }
        synchronized (sessionFrames) {
            queries.forOperators(operators).forEach((operator, now) ->
                    byOperator.getOrDefault(operator, Set.of()).forEach(c -> c.sessions(now)));
        }
    }

    /**
     * Brings every console here up to date with the database: session lists that moved and messages
     * stored meanwhile, also those another hub instance decided or stored, whose events this instance never
     * saw. Consoles already up to date are sent nothing.
     */
    void catchUp() {
        try {
            enforceAccess();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check the consoles' logins; the next round retries", e);
        }
        Set<String> conversations = new java.util.HashSet<>();
        byOperator.values().forEach(set -> set.forEach(c -> conversations.addAll(c.openedConversations())));
        Map<String, Long> last = conversations.isEmpty() ? Map.of() : chat.lastSeqs(conversations);
        try {
            refreshSessions(Set.copyOf(byOperator.keySet()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bring the consoles' session lists up to date", e);
        }
        byOperator.forEach((operator, set) -> {
            try {
                set.forEach(c -> c.openedConversations().forEach(id -> c.catchUp(id, last.getOrDefault(id, 0L))));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not bring the consoles of " + operator + " up to date", e);
            }
        });
    }

    /** The administrator of a conversation is typing: tell the operator who holds it. */
    void typing(String operator, String conversationId, String administrator) {
        TypingFrame frame = TypingFrame.administrator(administrator, conversationId);
        byOperator.getOrDefault(operator, Set.of()).forEach(c -> c.reply(frame));
    }
}
