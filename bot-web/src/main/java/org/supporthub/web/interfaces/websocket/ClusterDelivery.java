package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.supporthub.core.application.ClusterMessaging;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.bot.BotStateChanged;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.MessageStored;
import org.supporthub.core.domain.model.conversation.ConversationRead;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.portal.SupportChannelDisabled;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.core.domain.model.staff.StaffAccessRevoked;
import org.supporthub.routing.domain.model.operator.OperatorPresenceChanged;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivery across the hub instances of a cluster. The modules fire their events as they always did; each
 * instance pushes them to its own sockets after commit (the local observers of {@link ChatConnections},
 * {@link ConsoleConnections} and {@link SessionPushes}), and this relay hands the same events, after the same
 * commit, to the other instances through the data grid, which push them to theirs. Typing notices and the
 * language a user chose, which are no stored events, take the same way through {@link #operatorTyping},
 * {@link #administratorTyping} and {@link #localeChosen}.
 *
 * <p>The database stays the source of truth: a socket fed by a notice still checks sequence numbers
 * ({@link OrderedFeed}) and fills gaps from the database, and what the grid dropped is made up by the slow
 * catch-up ({@link DeliveryCatchUp}). Without a grid nothing is published.
 */
@ApplicationScoped
public class ClusterDelivery {

    private static final Logger LOG = Logger.getLogger(ClusterDelivery.class.getName());

    @Inject
    ClusterMessaging cluster;

    @Inject
    ChatConnections chats;

    @Inject
    ConsoleConnections consoles;

    @Inject
    SessionPushes sessions;

    private ClusterNotice.LocalSockets here;

    @PostConstruct
    void init() {
        here = new ClusterNotice.LocalSockets(chats, consoles, sessions);
    }

    /** Listens from start-up (an application-scoped bean is otherwise created only when first used). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        cluster.subscribe(this::received);
    }

    void received(String text) {
        ClusterNotice notice;
        try {
            notice = ClusterNotice.decode(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignored a notice from another hub instance: " + e.getMessage());
            return;
        }
        notice.deliverHere(here);
    }

    private void publish(ClusterNotice notice) {
        cluster.publish(notice.encode());
    }

    void messageStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) @MessageStored ConversationMessage message) {
        publish(new ClusterNotice.Message(message));
    }

    void sessionMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportSessionChanged SessionChange change) {
        publish(new ClusterNotice.SessionMoved(change));
    }

    void presenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @OperatorPresenceChanged String operator) {
        publish(new ClusterNotice.PresenceChanged(operator));
    }

    void stateChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @BotStateChanged BotStateChange change) {
        publish(new ClusterNotice.StateChanged(change));
    }

    void channelDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) @SupportChannelDisabled String portalId) {
        publish(new ClusterNotice.ChannelDisabled(portalId));
    }

    void accessRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) @StaffAccessRevoked ConsoleAccessChange change) {
        publish(new ClusterNotice.AccessRevoked(change));
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) @ConversationRead ReadReceipt receipt) {
        publish(new ClusterNotice.Read(receipt));
    }

    void administratorReturned(@Observes @AdministratorReturned AdministratorReturn back) {
        publish(new ClusterNotice.Returned(back));
    }

    /** The conversation's language is stored: its widgets here and on every other instance switch. */
    void localeChosen(String conversationId, SupportLocale locale) {
        chats.localeChosen(conversationId, locale);
        publish(new ClusterNotice.LocaleChosen(conversationId, locale));
    }

    /** The operator holding the conversation is typing: its widgets, wherever they are connected. */
    void operatorTyping(String conversationId, String operatorName) {
        chats.typing(conversationId, operatorName);
        publish(new ClusterNotice.OperatorTyping(conversationId, operatorName));
    }

    /** The administrator is typing: the consoles of the operator who holds the conversation, wherever they are. */
    void administratorTyping(String operator, String conversationId, String administrator) {
        consoles.typing(operator, conversationId, administrator);
        publish(new ClusterNotice.AdministratorTyping(operator, conversationId, administrator));
    }
}
