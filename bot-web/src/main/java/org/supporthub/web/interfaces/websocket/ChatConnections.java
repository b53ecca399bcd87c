package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.WidgetPresence;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.bot.BotStateChanged;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.MessageStored;
import org.supporthub.core.domain.model.conversation.ConversationRead;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.portal.SupportChannelDisabled;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.web.interfaces.websocket.protocol.MessageFrame;
import org.supporthub.web.interfaces.websocket.protocol.SessionFrame;
import org.supporthub.web.interfaces.websocket.protocol.LocaleFrame;
import org.supporthub.web.interfaces.websocket.protocol.ReadFrame;
import org.supporthub.web.interfaces.websocket.protocol.StateFrame;
import org.supporthub.web.interfaces.websocket.protocol.TypingFrame;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The widget sockets open on this hub instance, by conversation, and the delivery of stored messages to
 * them. Delivery listens only after commit: nobody is told of a message that could still roll back.
 */
@ApplicationScoped
public class ChatConnections {

    private final Map<String, Set<ChatConnection>> byConversation = new ConcurrentHashMap<>();
    /** The same sockets by portal: what concerns a whole portal reaches its sockets without visiting others. */
    private final Map<String, Set<ChatConnection>> byPortal = new ConcurrentHashMap<>();
    /**
     * Numbers the reads of session frames, taken just before each read. A socket takes a frame only if no
     * frame of a later-numbered read reached it first, so two pushes running at once (a coalesced flush, a
     * catch-up, a hello) never leave it with the older of two reads that started in order. No lock is held
     * across the read: a hello never waits for another socket's push. When two reads run at once, the
     * later-numbered one may still read a moment earlier; what it left behind is read again by the next
     * catch-up (each second, every open session and every socket not showing a closed one), so a widget
     * is never more than a beat behind.
     */
    private final AtomicLong sessionReads = new AtomicLong();

    /**
     * When the last socket of each conversation here closed (dropped when one opens again): a widget that
     * connects to a conversation with none open here, and none for at least {@link #returnAfterSeconds}, is
     * its user coming back (a reload or a reconnect within that time is not).
     */
    private final Map<String, Long> lastClosedAt = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "support.hub.delivery.return-after-seconds", defaultValue = "30")
    long returnAfterSeconds = 30;

    @Inject
    BotTexts texts;

    @Inject
    WidgetPresence presence;

    /**
     * Conversations whose first socket here opened or last one closed since the last flush: their row in
     * the cluster-wide presence is written by {@link #flushPresence} from the state at that time, so that an
     * open and a close racing each other always end in what is true.
     */
    private final Set<String> presenceChanged = ConcurrentHashMap.newKeySet();

    @Inject
    SupportSessionQueries sessions;

    @Inject
    org.supporthub.core.application.ChatService chat;

    /**
     * @return whether this socket is its user coming back to the conversation: no other socket of it open
     * here, and none closed here within {@code support.hub.delivery.return-after-seconds} (a socket the
     * instance never saw before counts as away, such as the first one after a restart)
     */
    boolean register(ChatConnection connection) {
        // The add happens inside the map's atomic compute: an unregister that empties and drops the set
        // at the same moment cannot leave this socket in a set the map no longer holds.
        boolean first = add(byConversation, connection.conversationId(), connection);
        add(byPortal, connection.user().portalId(), connection);
        if (first) {
            presenceChanged.add(connection.conversationId());
        }
        Long closedAt = lastClosedAt.remove(connection.conversationId());
        return first && (closedAt == null || System.currentTimeMillis() - closedAt >= returnAfterSeconds * 1000);
    }

    void unregister(ChatConnection connection) {
        String conversationId = connection.conversationId();
        if (conversationId != null) {
            if (remove(byConversation, conversationId, connection)) {
                lastClosedAt.put(conversationId, System.currentTimeMillis());
                presenceChanged.add(conversationId);
            }
            remove(byPortal, connection.user().portalId(), connection);
        }
    }

    /** @return whether it is the key's only socket now */
    private static boolean add(Map<String, Set<ChatConnection>> index, String key, ChatConnection connection) {
        boolean[] only = {false};
        index.compute(key, (k, set) -> {
            Set<ChatConnection> sockets = set == null ? ConcurrentHashMap.newKeySet() : set;
            sockets.add(connection);
            only[0] = sockets.size() == 1;
            return sockets;
        });
        return only[0];
    }

    /** @return whether it was the key's last socket */
    private static boolean remove(Map<String, Set<ChatConnection>> index, String key, ChatConnection connection) {
        boolean[] last = {false};
        index.computeIfPresent(key, (k, set) -> {
            last[0] = set.remove(connection) && set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) @MessageStored ConversationMessage message) {
        for (ChatConnection c : byConversation.getOrDefault(message.conversationId(), Set.of())) {
            c.push(message.seq(), MessageFrame.forWidget(message, c.locale(), texts).encode());
        }
    }

    /**
     * A read mark moved (committed): the conversation's widgets here are told, one frame built once. The
     * consoles hear of the same event ({@link ConsoleConnections#read}).
     */
    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) @ConversationRead ReadReceipt receipt) {
        Set<ChatConnection> sockets = byConversation.getOrDefault(receipt.conversationId(), Set.of());
        if (!sockets.isEmpty()) {
            String frame = ReadFrame.forWidget(receipt.by(), receipt.seq()).encode();
            sockets.forEach(c -> c.replyEncoded(frame));
        }
    }

    void closeChats(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportChannelDisabled String portalId) {
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "SUPPORT_CHANNEL_DISABLED");
        byPortal.getOrDefault(portalId, Set.of()).forEach(c -> c.close(reason));
    }

    /**
     * The user chose the conversation's language (already stored): its sockets here, the one that asked
     * included, speak it from now on and are told, one frame built once. Sockets of the conversation on
     * other hub instances learn it from their next {@code welcome}; the bot's words follow the stored choice
     * wherever they are written.
     */
    void localeChosen(String conversationId, SupportLocale locale) {
        String frame = new LocaleFrame(locale.tag()).encode();
        byConversation.getOrDefault(conversationId, Set.of()).forEach(c -> {
            c.localeChosen(locale);
            c.replyEncoded(frame);
        });
    }

    /**
     * The bot moved: every widget of the portal on this instance is told, with one frame built once and
     * queued on each socket (the sends run asynchronously; no socket waits for another).
     */
    void announceState(@Observes(during = TransactionPhase.AFTER_SUCCESS) @BotStateChanged BotStateChange change) {
        String frame = new StateFrame(change.state()).encode();
        byPortal.getOrDefault(change.portalId(), Set.of()).forEach(c -> c.replyEncoded(frame));
    }

    /**
     * Sessions moved (coalesced by {@link SessionPushes}): the widgets of the sessions that moved, and of
     * every session queued in the channels involved (their positions may have moved), get one fresh
     * {@code session} frame each. One read of each channel's queue and a constant number of reads for all
     * the widgets together, never a read per widget.
     */
    void sessionsMoved(Set<String> conversationIds, Set<String> channelIds) {
        if (byConversation.isEmpty()) {
            return;
        }
        long read = sessionReads.incrementAndGet();
        Set<String> affected = new HashSet<>(conversationIds);
        if (!channelIds.isEmpty()) {
            affected.addAll(sessions.queuedConversationsIn(channelIds));
        }
        affected.retainAll(byConversation.keySet());
        pushSessions(affected, read);
    }

    /** Sends the conversation's current session to its sockets here (they skip a frame equal to their last). */
    void pushSession(String conversationId) {
        pushSessions(Set.of(conversationId), sessionReads.incrementAndGet());
    }

    /** Reads once for all, then queues the frames (no send blocks), numbered by {@code read}. */
    private void pushSessions(Set<String> conversationIds, long read) {
        if (conversationIds.isEmpty()) {
            return;
        }
        sessions.forConversations(conversationIds).forEach((conversationId, view) -> {
            SessionFrame frame = SessionFrame.of(view);
            byConversation.getOrDefault(conversationId, Set.of()).forEach(c -> c.pushSession(frame, read));
        });
    }

    /**
     * Brings every widget here up to date with the database: messages stored meanwhile and session
     * frames, also those another hub instance stored or decided, whose events this instance never saw.
     */
    void catchUp() {
        // Closed long enough ago is the same as never seen: the record is no longer needed.
        long forgetBefore = System.currentTimeMillis() - returnAfterSeconds * 1000;
        lastClosedAt.values().removeIf(closedAt -> closedAt < forgetBefore);
        Set<String> here = Set.copyOf(byConversation.keySet());
        if (here.isEmpty()) {
            return;
        }
        Map<String, Long> last = chat.lastSeqs(here);
        for (String conversationId : here) {
            byConversation.getOrDefault(conversationId, Set.of())
                    .forEach(c -> c.catchUp(last.getOrDefault(conversationId, 0L)));
        }
        long read = sessionReads.incrementAndGet();
        // Open sessions move (queue positions); a session that just closed must say so once.
        Set<String> due = new HashSet<>(sessions.openConversations());
        due.retainAll(here);
        for (String conversationId : here) {
            if (byConversation.getOrDefault(conversationId, Set.of()).stream().anyMatch(c -> !c.sessionSettled())) {
                due.add(conversationId);
            }
        }
        pushSessions(due, read);
    }

    /**
     * Writes the conversations whose widgets here appeared or all went away since the last flush to the
     * cluster-wide widget presence: one transaction, whatever the number (nothing when nothing changed).
     */
    void flushPresence() {
        if (presenceChanged.isEmpty()) {
            return;
        }
        Set<String> changed = new HashSet<>(presenceChanged);
        presenceChanged.removeAll(changed);
        Set<String> opened = new HashSet<>();
        Set<String> closed = new HashSet<>();
        changed.forEach(id -> (byConversation.containsKey(id) ? opened : closed).add(id));
        try {
            presence.update(opened, closed);
        } catch (RuntimeException e) {
            // Written again on the next flush: the state is read afresh then.
            presenceChanged.addAll(changed);
            throw e;
        }
    }

    /** An operator is typing in this conversation. */
    void typing(String conversationId, String operatorName) {
        TypingFrame frame = TypingFrame.operator(operatorName);
        byConversation.getOrDefault(conversationId, Set.of()).forEach(c -> c.reply(frame));
    }

    int count() {
        return byConversation.values().stream().mapToInt(Set::size).sum();
    }
}
