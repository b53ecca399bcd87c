package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.MessageStored;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes conversations, one short transaction per message.
 *
 * <p>Each append locks the conversation row first: that lock hands out the next sequence number and
 * makes the "already stored?" check for a resent client id race-free, also across hub instances.
 */
@ApplicationScoped
public class ConversationLog {

    static final String BOT_NAME = "Support bot";
    static final String HUB_NAME = "Support Hub";

    @Inject
    ConversationRepository conversations;

    @Inject
    @MessageStored
    Event<ConversationMessage> stored;

    @Inject
    Clock clock;

    @Inject
    MessageAttachments attachments;

    @Transactional
    public Optional<Conversation> findByUser(String portalId, String userId) {
        return conversations.findByUser(portalId, userId);
    }

    /**
     * Creates the user's conversation in a transaction of its own, so that losing a race with another
     * tab (the unique key on portal and user) fails only this attempt and the caller can read the winner.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Conversation create(PortalUser user) {
        Conversation c = new Conversation(UUID.randomUUID().toString(), user.portalId(), user.userId(), user.name(),
                clock.instant());
        c.updateAdmin(user.admin());
        conversations.store(c);
        return c;
    }

    /**
     * As {@link #create}, with the bot's greeting as its first message in the same transaction: a first
     * visit costs one commit, and no conversation is ever seen without its greeting.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Conversation createGreeted(PortalUser user, String greeting, List<String> actions) {
        Conversation c = new Conversation(UUID.randomUUID().toString(), user.portalId(), user.userId(), user.name(),
                clock.instant());
        c.updateAdmin(user.admin());
        conversations.store(c);
        append(c, null, AuthorKind.BOT, BOT_NAME, greeting, actions);
        return c;
    }

    /** Stores the user's message, or recognises a resend of one already stored. */
    @Transactional
    public PostedMessage appendFromUser(String conversationId, String clientMsgId, String authorName, String text) {
        return appendFromUser(conversationId, clientMsgId, authorName, text, null);
    }

    /**
     * As {@link #appendFromUser(String, String, String, String)}, and when {@code questionLocale} is given,
     * marks the message, in the same transaction, as a support question that awaits routing.
     */
    @Transactional
    public PostedMessage appendFromUser(String conversationId, String clientMsgId, String authorName, String text,
                                        String questionLocale) {
        return append(Append.fromUser(conversationId, clientMsgId, authorName, text, questionLocale));
    }

    /**
     * Stores messages that arrived together, in one transaction: one read locks every conversation
     * involved, one read finds the client ids already stored, one flush inserts the rest. Each message is
     * numbered in its conversation as one stored alone would be, in the order given; a client id given
     * twice (a resend racing its original) is stored once and reported as a duplicate the second time.
     * The whole batch commits or fails together: the caller then stores the messages one by one.
     *
     * @return one answer per message, in the order given (a bot's message has no client id)
     */
    @Transactional
    public List<PostedMessage> appendAll(List<Append> appends) {
        java.util.Set<String> conversationIds = new java.util.TreeSet<>();
        java.util.Set<String> clientMsgIds = new java.util.HashSet<>();
        appends.forEach(a -> {
            conversationIds.add(a.conversationId());
            if (a.clientMsgId() != null) {
                clientMsgIds.add(a.clientMsgId());
            }
        });
        java.util.Map<String, Conversation> locked = new java.util.HashMap<>();
        conversations.lockAll(conversationIds).forEach(c -> locked.put(c.id(), c));
        java.util.Map<String, Long> seqByKey = new java.util.HashMap<>();
        conversations.findByClientMsgIds(conversationIds, clientMsgIds)
                .forEach(m -> seqByKey.put(m.conversationId() + "/" + m.clientMsgId(), m.seq()));
        List<PostedMessage> answers = new java.util.ArrayList<>(appends.size());
        List<ChatMessage> fresh = new java.util.ArrayList<>();
        List<Conversation> owners = new java.util.ArrayList<>();
        for (Append a : appends) {
            Conversation c = locked.get(a.conversationId());
            if (c == null) {
                throw new IllegalArgumentException("No conversation " + a.conversationId());
            }
            String key = c.id() + "/" + a.clientMsgId();
            Long earlier = a.clientMsgId() == null ? null : seqByKey.get(key);
            SupportLocale chosen = c.chosenLocale().orElse(null);
            if (earlier != null) {
                answers.add(new PostedMessage(a.clientMsgId(), earlier, true, chosen));
                continue;
            }
            if (a.kind() == AuthorKind.USER && !c.userName().equals(a.authorName())) {
                c.rename(a.authorName());
            }
            // A support question is routed in the language the user chose, if they chose one.
            String questionLocale = a.questionLocale() == null || chosen == null ? a.questionLocale() : chosen.tag();
            ChatMessage m = message(c, a.clientMsgId(), a.kind(), a.authorName(), a.text(), a.actions(),
                    questionLocale);
            if (a.clientMsgId() != null) {
                seqByKey.put(key, m.seq());
            }
            fresh.add(m);
            owners.add(c);
            answers.add(new PostedMessage(a.clientMsgId(), m.seq(), false, chosen));
        }
        conversations.appendAll(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            stored.fire(ConversationMessage.of(owners.get(i).portalId(), fresh.get(i)));
        }
        return answers;
    }

    /** Stores one message: a batch of one, so a lone message and a grouped one follow the same rules. */
    @Transactional
    public PostedMessage append(Append a) {
        return appendAll(List.of(a)).get(0);
    }

    /**
     * A message as {@link #appendAll} takes it: a user's or a staff member's (with its client id and, for a
     * support question, the locale routing will use), the bot's (with its action buttons) or the hub's.
     */
    public record Append(String conversationId, String clientMsgId, AuthorKind kind, String authorName, String text,
                         List<String> actions, String questionLocale) {

        public static Append fromUser(String conversationId, String clientMsgId, String authorName, String text,
                                      String questionLocale) {
            return new Append(conversationId, clientMsgId, AuthorKind.USER, authorName, text, List.of(),
                    questionLocale);
        }

        public static Append fromBot(String conversationId, String text, List<String> actions) {
            return new Append(conversationId, null, AuthorKind.BOT, BOT_NAME, text, actions, null);
        }

        public static Append fromHub(String conversationId, String text) {
            return new Append(conversationId, null, AuthorKind.SYSTEM, HUB_NAME, text, List.of(), null);
        }
    }

    /**
     * Stores a support operator's reply, or recognises a resend of one already stored. The client id is
     * unique per conversation whoever wrote it, so a resent staff reply is never stored twice either.
     */
    @Transactional
    public PostedMessage appendFromStaff(String conversationId, String clientMsgId, String authorName, String text) {
        return append(new Append(conversationId, clientMsgId, AuthorKind.STAFF, authorName, text, List.of(), null));
    }

    @Transactional
    public long appendFromBot(String conversationId, String text, List<String> actions) {
        return append(lock(conversationId), null, AuthorKind.BOT, BOT_NAME, text, actions).seq();
    }

    @Transactional
    public long appendFromHub(String conversationId, String text) {
        return append(lock(conversationId), null, AuthorKind.SYSTEM, HUB_NAME, text, List.of()).seq();
    }

    /** Stores the bot's greeting only if the conversation is still empty, so two tabs greet once. */
    @Transactional
    public boolean greetIfEmpty(String conversationId, String text, List<String> actions) {
        Conversation c = lock(conversationId);
        if (c.lastSeq() > 0) {
            return false;
        }
        append(c, null, AuthorKind.BOT, BOT_NAME, text, actions);
        return true;
    }

    @Transactional
    public List<ConversationMessage> messagesAfter(String conversationId, long afterSeq, int limit) {
        Conversation c = conversations.find(conversationId)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + conversationId));
        List<ChatMessage> page = conversations.messagesAfter(conversationId, afterSeq, limit);
        // One more read only for a page that has files in it: most replays have none.
        java.util.Map<Long, List<org.supporthub.core.domain.model.attachment.AttachedFile>> files =
                attachments.filesOf(conversationId, page);
        return page.stream()
                .map(m -> ConversationMessage.of(c.portalId(), m, files.getOrDefault(m.seq(), List.of()))).toList();
    }

    @Transactional
    public java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds) {
        return conversations.lastSeqs(conversationIds);
    }

    @Transactional
    public Optional<Conversation> find(String conversationId) {
        return conversations.find(conversationId);
    }

    /** Keeps the language the user chose for the conversation (under its row lock, as messages are numbered). */
    @Transactional
    public void chooseLocale(String conversationId, SupportLocale locale) {
        lock(conversationId).chooseLocale(locale);
    }

    /** Brings the stored user up to date with their latest token (name, administrator or not, address). */
    @Transactional
    public void refreshUser(String conversationId, PortalUser user) {
        conversations.find(conversationId).ifPresent(c -> {
            if (!c.userName().equals(user.name())) {
                c.rename(user.name());
            }
            if (c.userAdmin() != user.admin()) {
                c.updateAdmin(user.admin());
            }
            if (!c.userEmail().equals(user.email())) {
                c.updateEmail(user.email().orElse(null));
            }
        });
    }

    @Transactional
    public List<String> administratorConversationIds(String portalId) {
        return conversations.administratorConversationsOf(portalId).stream().map(Conversation::id).toList();
    }

    @Transactional
    public List<String> conversationIds(String portalId) {
        return conversations.conversationsOf(portalId).stream().map(Conversation::id).toList();
    }

    private Conversation lock(String conversationId) {
        return conversations.findForUpdate(conversationId)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + conversationId));
    }

    private ChatMessage append(Conversation c, String clientMsgId, AuthorKind kind, String author, String text,
                               List<String> actions) {
        return append(c, clientMsgId, kind, author, text, actions, null);
    }

    private ChatMessage append(Conversation c, String clientMsgId, AuthorKind kind, String author, String text,
                               List<String> actions, String questionLocale) {
        ChatMessage m = message(c, clientMsgId, kind, author, text, actions, questionLocale);
        conversations.append(m);
        // Delivery observes this after commit only: nobody hears of a message that might still roll back.
        stored.fire(ConversationMessage.of(c.portalId(), m));
        return m;
    }

    /** The conversation's next message (taking its next sequence number), not stored yet. */
    private ChatMessage message(Conversation c, String clientMsgId, AuthorKind kind, String author, String text,
                                List<String> actions, String questionLocale) {
        ChatMessage m = new ChatMessage(UUID.randomUUID().toString(), c.id(), c.nextSeq(), clientMsgId, kind, author,
                text, actions, clock.instant());
        if (questionLocale != null) {
            m.awaitRouting(questionLocale);
        }
        return m;
    }
}
