package org.supporthub.core.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.BotActivation;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.application.InvalidChatInputException.Code;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UnknownPortalException;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.QuestionAsked;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The chat with the plain bot. Not transactional itself: each stored message is its own short
 * transaction in {@link ConversationLog}, so a user's message is committed (and acknowledged) before
 * the bot starts thinking about an answer.
 */
@ApplicationScoped
public class DefaultChatService implements ChatService {

    private static final Logger LOG = Logger.getLogger(DefaultChatService.class.getName());

    /** The most messages one commit takes, and how many commits of users' messages run at once. */
    static final int MAX_MESSAGES_PER_COMMIT = 200;
    static final int CONCURRENT_COMMITS = 2;

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    ConversationLog log;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    PortalRepository portals;

    @Inject
    PlainBot bot;

    @Inject
    BotActivation activation;

    @Inject
    org.supporthub.core.application.ScopeTriage triage;

    @Inject
    @QuestionAsked
    Event<SupportQuestion> questions;

    @Inject
    Clock clock;

    @Inject
    @org.supporthub.core.domain.model.conversation.SendToSupportRequested
    Event<String> sendAnyway;

    @Inject
    @org.supporthub.core.domain.model.conversation.SessionEndRequested
    Event<String> endSession;

    @Inject
    @org.supporthub.core.domain.model.conversation.TranscriptRequested
    Event<String> transcript;

    /**
     * Users' messages and the bot's answers are stored by group commit: under load, the messages that
     * arrive during one commit share the next one (one transaction, one flush), each still acknowledged
     * (or delivered) only once it is stored.
     */
    private final GroupCommit<ConversationLog.Append, PostedMessage> messages = new GroupCommit<>(
            appends -> log.appendAll(appends), a -> log.append(a), MAX_MESSAGES_PER_COMMIT, CONCURRENT_COMMITS);

    @Override
    public ChatOpening open(PortalUser user) {
        return open(user, portals.find(user.portalId()).orElseThrow(() -> new UnknownPortalException(user.portalId())));
    }

    @Override
    public ChatOpening open(PortalUser user, Portal portal) {
        if (!portal.id().equals(user.portalId())) {
            throw new IllegalArgumentException("User " + user.userId() + " is not of portal " + portal.id());
        }
        if (!portal.supportChannelEnabled()) {
            throw new SupportChannelDisabledException(portal.id());
        }
        SupportLocale fallback = localeOf(user, portal);
        Conversation conversation = conversationOf(user, () -> bot.greet(user, portal.botState(), fallback));
        SupportLocale locale = conversation.chosenLocale().orElse(fallback);
        // A returning user (the common case, and every reconnect) only reads: two reads and no write, no
        // lock. Writing happens only when there is something to write.
        if (!conversation.userName().equals(user.name()) || conversation.userAdmin() != user.admin()
                || !conversation.userEmail().equals(user.email())) {
            log.refreshUser(conversation.id(), user);
        }
        long lastSeq = conversation.lastSeq();
        if (lastSeq == 0) {
            BotReply greeting = bot.greet(user, portal.botState(), locale);
            log.greetIfEmpty(conversation.id(), greeting.text(), greeting.actions());
            lastSeq = log.find(conversation.id()).map(Conversation::lastSeq).orElse(0L);
        }
        return new ChatOpening(conversation.id(), portal.botState(), locale, lastSeq);
    }

    @Override
    public PostedMessage post(PortalUser user, String conversationId, String clientMsgId, String text,
                              Consumer<PostedMessage> onStored) {
        String body = checked(clientMsgId, text);
        Portal portal = portals.find(user.portalId()).orElseThrow(() -> new UnknownPortalException(user.portalId()));
        SupportLocale locale = localeOf(user, portal);
        BotIntent intent = BotIntent.of(body);
        // A question for support people is marked as such with the message itself, so that routing can
        // take it up again after a crash between this acknowledgement and its session.
        boolean forSupport = intent == BotIntent.OTHER && user.admin() && portal.botState() == BotState.CONNECTED;
        PostedMessage posted = store(ConversationLog.Append.fromUser(conversationId,
                clientMsgId.toLowerCase(), user.name(), body, forSupport ? locale.tag() : null));
        onStored.accept(posted);
        if (!posted.duplicate()) {
            // The user's own choice, read with the message's number, beats the token's and the portal's.
            SupportLocale spoken = posted.chosenLocale() != null ? posted.chosenLocale() : locale;
            respond(user, portal, conversationId, intent, forSupport ? new Question(posted.seq(), body) : null,
                    spoken);
        }
        return posted;
    }

    @Override
    public PostedMessage postAsStaff(String conversationId, String clientMsgId, String staffName, String text) {
        String body = checked(clientMsgId, text);
        return log.appendFromStaff(conversationId, clientMsgId.toLowerCase(), staffName, body);
    }

    @Override
    public long note(String conversationId, AuthorKind kind, String text) {
        return switch (kind) {
            case BOT -> log.appendFromBot(conversationId, text, List.of());
            case SYSTEM -> log.appendFromHub(conversationId, text);
            default -> throw new IllegalArgumentException("Notes come from the bot or the hub, not " + kind);
        };
    }

    @Override
    public long noteWithActions(String conversationId, String text, List<String> actions) {
        return log.appendFromBot(conversationId, text, actions);
    }

    /** Refuses what the protocol refuses; returns the text to store. */
    private static String checked(String clientMsgId, String text) {
        if (clientMsgId == null || !UUID_FORM.matcher(clientMsgId).matches()) {
            throw new InvalidChatInputException(Code.INVALID_CLIENT_MSG_ID, "clientMsgId must be a UUID");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidChatInputException(Code.TEXT_EMPTY, "The message has no text");
        }
        if (body.length() > MAX_TEXT_LENGTH) {
            throw new InvalidChatInputException(Code.TEXT_TOO_LONG,
                    "A message may hold at most " + MAX_TEXT_LENGTH + " characters");
        }
        return body;
    }

    /** The stored message a support question came in. */
    private record Question(long seq, String text) {
    }

    @Override
    public void command(PortalUser user, String conversationId, String name) {
        BotIntent intent = BotIntent.command(name).orElseThrow(
                () -> new InvalidChatInputException(Code.UNKNOWN_COMMAND, "The bot has no command '" + name + "'"));
        Portal portal = portals.find(user.portalId()).orElseThrow(() -> new UnknownPortalException(user.portalId()));
        SupportLocale locale = log.find(conversationId).flatMap(Conversation::chosenLocale)
                .orElseGet(() -> localeOf(user, portal));
        respond(user, portal, conversationId, intent, null, locale);
    }

    @Override
    public SupportLocale chooseLocale(PortalUser user, String conversationId, String locale) {
        // Exactly the protocol's two tags: "pl-PL" or "PL" are a client's mistake worth telling it about.
        SupportLocale chosen = "pl".equals(locale) || "en".equals(locale) ? SupportLocale.fromTag(locale).orElseThrow()
                : null;
        if (chosen == null) {
            throw new InvalidChatInputException(Code.INVALID_LOCALE, "locale must be 'pl' or 'en'");
        }
        log.chooseLocale(conversationId, chosen);
        return chosen;
    }

    @Override
    public java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds) {
        return conversationIds.isEmpty() ? java.util.Map.of() : log.lastSeqs(conversationIds);
    }

    @Override
    public List<ConversationMessage> history(String conversationId, long afterSeq, int limit) {
        return log.messagesAfter(conversationId, afterSeq, limit);
    }

    private void respond(PortalUser user, Portal portal, String conversationId, BotIntent intent,
                         Question question, SupportLocale locale) {
        switch (intent) {
            case HELP -> say(conversationId, bot.help(user, portal.botState(), locale));
            case STATUS -> say(conversationId, bot.status(portal.name(), portal.botState(), locale));
            case POLICY -> bot.policy(triage.policy(), locale).forEach(reply -> say(conversationId, reply));
            case SEND_ANYWAY -> {
                if (user.admin() && portal.botState() == BotState.CONNECTED) {
                    sendAnyway.fire(conversationId);
                } else {
                    bot.answer(user, portal.botState(), locale).ifPresent(reply -> say(conversationId, reply));
                }
            }
            case END_SESSION -> {
                // Only the administrator's own conversation has a support session to end.
                if (user.admin() && portal.botState() == BotState.CONNECTED) {
                    endSession.fire(conversationId);
                } else {
                    bot.answer(user, portal.botState(), locale).ifPresent(reply -> say(conversationId, reply));
                }
            }
            case EMAIL_TRANSCRIPT -> {
                // Only the administrator's own conversation has support sessions to send.
                if (user.admin() && portal.botState() == BotState.CONNECTED) {
                    transcript.fire(conversationId);
                } else {
                    bot.answer(user, portal.botState(), locale).ifPresent(reply -> say(conversationId, reply));
                }
            }
            case ACTIVATE -> activate(user, conversationId, portal, locale);
            case OTHER -> {
                if (question != null) {
                    // People answer from now on: routing opens (or continues) a support session.
                    questions.fire(new SupportQuestion(portal.id(), conversationId, question.seq(), question.text(),
                            locale, clock.instant()));
                } else {
                    bot.answer(user, portal.botState(), locale).ifPresent(reply -> say(conversationId, reply));
                }
            }
        }
    }

    @Override
    public void tellAdministrators(String portalId, ActivationOutcome recheck) {
        Portal portal = portals.find(portalId).orElseThrow(() -> new UnknownPortalException(portalId));
        List<BotReply> words = recheck.failures().isEmpty() ? List.of(bot.supportBack(portal.locale()))
                : bot.recheckFailed(recheck, portal.locale());
        log.administratorConversationIds(portalId).forEach(id -> words.forEach(w -> say(id, w)));
    }

    private void activate(PortalUser user, String conversationId, Portal portal, SupportLocale locale) {
        // Who may not activate at all is told so at once, without an "activation starts" line.
        boolean mayStart = user.admin() && portal.supportChannelEnabled();
        if (mayStart) {
            say(conversationId, bot.activationStarted(locale));
        }
        CompletionStage<ActivationOutcome> outcome;
        try {
            outcome = activation.activate(portal, user,
                    progress -> say(conversationId, bot.progress(progress, locale)));
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        // The outcome comes later, on the activation's thread: the caller (a socket) does not wait for it.
        outcome.whenComplete((done, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Activation of portal " + portal.id() + " ended abnormally", error);
            }
            try {
                bot.explain(error == null ? done : ActivationOutcome.interrupted(ActivationOutcome.INTERNAL_ERROR),
                        locale).forEach(reply -> say(conversationId, reply));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not tell conversation " + conversationId + " how activation ended", e);
            }
        });
    }

    private void say(String conversationId, BotReply reply) {
        store(ConversationLog.Append.fromBot(conversationId, reply.text(), reply.actions()));
    }

    /**
     * Stores by group commit, unless the caller is inside a transaction of its own: then the message
     * belongs to that transaction (it commits or rolls back with it), and another thread's batch must not
     * wait for locks that this transaction holds while this thread waits for that batch.
     */
    private PostedMessage store(ConversationLog.Append append) {
        if (transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return log.append(append);
        }
        return messages.submit(append);
    }

    /** The user's conversation; a new one is created with the bot's greeting in it. */
    private Conversation conversationOf(PortalUser user, java.util.function.Supplier<BotReply> greeting) {
        return log.findByUser(user.portalId(), user.userId()).orElseGet(() -> {
            try {
                BotReply hello = greeting.get();
                return log.createGreeted(user, hello.text(), hello.actions());
            } catch (PersistenceException | TransactionalException e) {
                // Another tab of the same user created it a moment ago: use theirs.
                return log.findByUser(user.portalId(), user.userId()).orElseThrow(() -> e);
            }
        });
    }

    /** The language when the user chose none: their token's, else their portal's. */
    private static SupportLocale localeOf(PortalUser user, Portal portal) {
        return user.locale().orElse(portal.locale());
    }

}
