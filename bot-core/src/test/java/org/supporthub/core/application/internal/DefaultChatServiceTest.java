package org.supporthub.core.application.internal;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationOutcome.Status;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.application.InvalidChatInputException.Code;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UnknownPortalException;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The chat service over the real conversation log and plain bot, with an in-memory repository and a
 * fake activation port.
 */
class DefaultChatServiceTest {

    private static final String MSG_1 = "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b";
    private static final String MSG_2 = "7e57d004-2b97-4e23-8f1a-000000000002";

    private final InMemoryPortalRepository portals = new InMemoryPortalRepository();
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final RecordingEvent<ConversationMessage> stored = new RecordingEvent<>();
    private final RecordingEvent<String> sendAnyway = new RecordingEvent<>();
    private final RecordingEvent<String> endSession = new RecordingEvent<>();
    private static final org.supporthub.core.domain.model.policy.SupportPolicy POLICY =
            new org.supporthub.core.domain.model.policy.SupportPolicy(java.util.List.of(
                    new org.supporthub.core.domain.model.policy.PolicyItem("INT-N1",
                            org.supporthub.core.domain.model.policy.SupportArea.INTEGRATION,
                            org.supporthub.core.domain.model.policy.Coverage.NOT_COVERED,
                            "Developing custom modules.", "Tworzenie własnych modułów."),
                    new org.supporthub.core.domain.model.policy.PolicyItem("UPD-C1",
                            org.supporthub.core.domain.model.policy.SupportArea.UPDATES,
                            org.supporthub.core.domain.model.policy.Coverage.COVERED,
                            "Licence-key problems when updating.", "Problemy z kluczem licencyjnym przy aktualizacji.")));
    private final RecordingEvent<org.supporthub.core.domain.model.conversation.SupportQuestion> questions =
            new RecordingEvent<>();
    private final BotTexts texts = new BotTexts();
    private final List<PortalUser> activationRequests = new ArrayList<>();
    private ActivationOutcome activationOutcome = new ActivationOutcome(Status.UNAVAILABLE, List.of());
    private List<org.supporthub.core.application.ActivationProgress> activationProgress = List.of();
    /** When set, the activation the fake port returns: still running until the test completes it. */
    private java.util.concurrent.CompletableFuture<ActivationOutcome> pendingActivation;
    private DefaultChatService chat;

    private final PortalUser admin = TestPortals.admin("p-1");

    @BeforeEach
    void setUp() {
        chat = new DefaultChatService();
        chat.log = ConversationLogTest.logOver(repository, stored);
        chat.portals = portals;
        chat.bot = new PlainBot(texts);
        chat.questions = questions;
        chat.sendAnyway = sendAnyway;
        chat.endSession = endSession;
        chat.triage = new org.supporthub.core.application.ScopeTriage() {
            @Override
            public org.supporthub.core.domain.model.policy.TriageResult classify(String text, SupportLocale locale) {
                return org.supporthub.core.domain.model.policy.TriageResult.unclear(0);
            }

            @Override
            public org.supporthub.core.domain.model.policy.SupportPolicy policy() {
                return POLICY;
            }
        };
        chat.clock = java.time.Clock.fixed(TestPortals.NOW, java.time.ZoneOffset.UTC);
        chat.activation = (portal, requestedBy, progress) -> {
            assertThat(portal.id()).isEqualTo(requestedBy.portalId());
            activationRequests.add(requestedBy);
            activationProgress.forEach(progress);
            return pendingActivation != null ? pendingActivation
                    : java.util.concurrent.CompletableFuture.completedFuture(activationOutcome);
        };
    }

    private Portal portal(BotState state) {
        return portal(state, SupportLocale.EN);
    }

    private Portal portal(BotState state, SupportLocale locale) {
        Portal p = TestPortals.portal("p-1", locale, state);
        portals.store(p);
        return p;
    }

    private List<ChatMessage> messages(String conversationId) {
        return repository.messagesOf(conversationId);
    }

    private static Consumer<PostedMessage> ignore() {
        return p -> { };
    }

    // --- group commit and transactions ---

    @Test
    void inside_a_transaction_a_message_joins_it_and_waits_for_no_batch() throws Exception {
        portal(BotState.INSTALLED);
        String busy1 = chat.open(TestPortals.employee("p-1")).conversationId();
        String busy2 = chat.open(new PortalUser("p-1", "u-busy-2", "Busy", false, List.of(), java.util.Optional.empty()))
                .conversationId();
        String mine = chat.open(admin).conversationId();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch bothBusy = new java.util.concurrent.CountDownLatch(2);
        ConversationLog real = chat.log;
        Thread transactional = Thread.currentThread();
        // Both commit slots are taken by messages whose storing waits for the release.
        chat.log = new ConversationLog() {
            @Override
            public PostedMessage append(Append a) {
                if (a.text().startsWith("slow")) {
                    bothBusy.countDown();
                    try {
                        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (repository) {
                    return real.append(a);
                }
            }
        };
        // The caller's thread is inside a transaction; the busy ones are not.
        chat.transactions = transactionStatus(() -> Thread.currentThread() == transactional
                ? jakarta.transaction.Status.STATUS_ACTIVE : jakarta.transaction.Status.STATUS_NO_TRANSACTION);
        java.util.concurrent.ExecutorService others = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            others.submit(() -> chat.post(TestPortals.employee("p-1"), busy1, MSG_1, "slow one", ignore()));
            others.submit(() -> chat.post(new PortalUser("p-1", "u-busy-2", "Busy", false, List.of(),
                    java.util.Optional.empty()), busy2, MSG_2, "slow two", ignore()));
            assertThat(bothBusy.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            PostedMessage posted = chat.post(admin, mine, "5a1f0c9e-0000-4000-8000-000000000003", "help", ignore());

            assertThat(posted.seq()).isEqualTo(2);
            assertThat(release.getCount()).as("stored while both batches still wait").isEqualTo(1);
            assertThat(System.nanoTime() - started).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
        } finally {
            release.countDown();
            others.shutdown();
            assertThat(others.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    private static jakarta.transaction.TransactionSynchronizationRegistry transactionStatus(
            java.util.function.IntSupplier status) {
        return (jakarta.transaction.TransactionSynchronizationRegistry) java.lang.reflect.Proxy.newProxyInstance(
                DefaultChatServiceTest.class.getClassLoader(),
                new Class<?>[]{jakarta.transaction.TransactionSynchronizationRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionStatus")) {
                        return status.getAsInt();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    // --- open ---

    @Test
    void opening_creates_the_conversation_and_greets_once() {
        portal(BotState.INSTALLED);

        ChatOpening first = chat.open(admin);
        ChatOpening second = chat.open(admin);

        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(first).isEqualTo(new ChatOpening(first.conversationId(), BotState.INSTALLED, SupportLocale.EN, 1));
        assertThat(second.lastSeq()).isEqualTo(1);
        assertThat(messages(first.conversationId())).singleElement().satisfies(m -> {
            assertThat(m.authorKind()).isEqualTo(AuthorKind.BOT);
            assertThat(m.text()).isEqualTo(texts.text(SupportLocale.EN, "greeting.installed", "Anna"));
            assertThat(m.actions()).containsExactly("activate");
        });
    }

    @Test
    void a_hello_that_already_read_the_portal_opens_without_reading_it_again() {
        Portal read = TestPortals.portal("p-1", SupportLocale.EN, BotState.INSTALLED); // never stored: not re-read

        ChatOpening opening = chat.open(admin, read);

        assertThat(opening.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(opening.lastSeq()).isEqualTo(1);
        assertThatThrownBy(() -> chat.open(TestPortals.admin("p-2"), read))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chat.open(admin, TestPortals.portal("p-1", SupportLocale.EN, BotState.DISABLED)))
                .isInstanceOf(SupportChannelDisabledException.class);
    }

    @Test
    void a_first_visit_stores_the_conversation_and_its_greeting_together_without_a_lock() {
        portal(BotState.INSTALLED);

        ChatOpening opening = chat.open(admin);

        assertThat(opening.lastSeq()).isEqualTo(1);
        assertThat(repository.locks).as("no row lock: the conversation is new in this transaction").isZero();
        assertThat(messages(opening.conversationId())).extracting(ChatMessage::seq).containsExactly(1L);
    }

    @Test
    void a_returning_users_opening_writes_nothing_and_locks_nothing() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        chat.post(admin, id, MSG_1, "help", ignore());
        int locks = repository.locks;
        int stores = repository.stores;
        int messages = repository.messages.size();

        for (int reconnect = 0; reconnect < 3; reconnect++) {
            assertThat(chat.open(admin).lastSeq()).isEqualTo(3);
        }

        assertThat(repository.locks).as("row locks taken by returning hellos").isEqualTo(locks);
        assertThat(repository.stores).isEqualTo(stores);
        assertThat(repository.messages).hasSize(messages);
    }

    @Test
    void a_user_renamed_by_the_portal_is_renamed_in_the_conversation_when_they_return() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.open(new PortalUser(admin.portalId(), admin.userId(), "Anna Nowak", admin.admin(), admin.groups(),
                admin.locale()));

        assertThat(repository.find(id).orElseThrow().userName()).isEqualTo("Anna Nowak");
    }

    @Test
    void opening_reports_the_last_number_of_an_ongoing_conversation() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        chat.post(admin, id, MSG_1, "help", ignore());

        assertThat(chat.open(admin).lastSeq()).isEqualTo(3);
    }

    @Test
    void speaks_the_users_language_before_the_portals() {
        portal(BotState.INSTALLED, SupportLocale.PL);
        PortalUser english = new PortalUser("p-1", "u-en", "John", true, List.of(), Optional.of(SupportLocale.EN));
        PortalUser unspecified = new PortalUser("p-1", "u-pl", "Jan", true, List.of(), Optional.empty());

        ChatOpening en = chat.open(english);
        ChatOpening pl = chat.open(unspecified);

        assertThat(en.locale()).isEqualTo(SupportLocale.EN);
        assertThat(messages(en.conversationId()).get(0).text()).startsWith("Hello John!");
        assertThat(pl.locale()).isEqualTo(SupportLocale.PL);
        assertThat(messages(pl.conversationId()).get(0).text()).startsWith("Dzień dobry, Jan!");
    }

    // --- the language the user chose ---

    @Test
    void the_language_the_user_chose_beats_the_tokens_and_the_portals_from_the_next_answer_on() {
        portal(BotState.INSTALLED, SupportLocale.EN);
        PortalUser english = new PortalUser("p-1", "u-en", "John", true, List.of(), Optional.of(SupportLocale.EN));
        String id = chat.open(english).conversationId();
        chat.post(english, id, MSG_1, "help", ignore());
        assertThat(messages(id)).last().extracting(ChatMessage::text).isEqualTo(texts.text(SupportLocale.EN, "help.admin"));

        assertThat(chat.chooseLocale(english, id, "pl")).isEqualTo(SupportLocale.PL);
        List<PostedMessage> acks = new ArrayList<>();
        chat.post(english, id, MSG_2, "help", acks::add);
        chat.command(english, id, "status");

        assertThat(acks).singleElement().extracting(PostedMessage::chosenLocale).isEqualTo(SupportLocale.PL);
        assertThat(messages(id)).extracting(ChatMessage::text).endsWith(
                texts.text(SupportLocale.PL, "help.admin"),
                texts.text(SupportLocale.PL, "status.INSTALLED", "Acme intranet"));
        // Kept with the conversation: a new socket (another tab, a reconnect) opens in the chosen language.
        assertThat(chat.open(english).locale()).isEqualTo(SupportLocale.PL);
        assertThat(repository.find(id).orElseThrow().chosenLocale()).contains(SupportLocale.PL);
    }

    @Test
    void a_support_question_is_routed_in_the_language_the_user_chose() {
        portal(BotState.CONNECTED, SupportLocale.EN);
        String id = chat.open(admin).conversationId();
        chat.chooseLocale(admin, id, "pl");

        chat.post(admin, id, MSG_1, "Nasz portal pokazuje błąd 500", ignore());

        assertThat(repository.findByClientMsgId(id, MSG_1).orElseThrow().awaitingRouting()).contains("pl");
        assertThat(questions.fired).singleElement().extracting(q -> q.locale()).isEqualTo(SupportLocale.PL);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"de", "PL", "pl-PL", " pl", "english"})
    void only_pl_and_en_can_be_chosen_and_a_refusal_changes_nothing(String locale) {
        portal(BotState.INSTALLED, SupportLocale.EN);
        String id = chat.open(admin).conversationId();

        InvalidChatInputException refused = catchThrowableOfType(InvalidChatInputException.class,
                () -> chat.chooseLocale(admin, id, locale));

        assertThat(refused.code()).isEqualTo(Code.INVALID_LOCALE);
        assertThat(repository.find(id).orElseThrow().chosenLocale()).isEmpty();
        assertThat(chat.open(admin).locale()).isEqualTo(SupportLocale.EN);
    }

    @Test
    void a_disabled_portal_opens_no_chat() {
        portal(BotState.DISABLED);

        assertThatThrownBy(() -> chat.open(admin)).isInstanceOf(SupportChannelDisabledException.class)
                .hasMessageContaining("p-1");
        assertThat(repository.conversations).isEmpty();
        assertThat(repository.messages).isEmpty();
    }

    @Test
    void an_unknown_portal_opens_no_chat() {
        assertThatThrownBy(() -> chat.open(admin)).isInstanceOf(UnknownPortalException.class);
        assertThat(repository.conversations).isEmpty();
    }

    @Test
    void losing_the_race_to_create_the_conversation_uses_the_winners() {
        portal(BotState.INSTALLED);
        // Another tab creates the conversation between our look-up and our insert.
        chat.log = new ConversationLog() {
            {
                conversations = repository;
                stored = DefaultChatServiceTest.this.stored;
                clock = Clock.fixed(TestPortals.NOW, ZoneOffset.UTC);
            }

            @Override
            public Conversation createGreeted(PortalUser user, String greeting, List<String> actions) {
                // The winner's greeting is not stored yet when we look: we greet it, once.
                repository.store(new Conversation("winner", user.portalId(), user.userId(), user.name(),
                        TestPortals.NOW));
                throw new PersistenceException("unique key violated");
            }
        };

        assertThat(chat.open(admin).conversationId()).isEqualTo("winner");
        assertThat(messages("winner")).hasSize(1);
    }

    // --- post: validation ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "0b9d6b5e3c7a4f4e9a516f1c2d3e4a5b", "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5",
            "{0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b}", " 0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b",
            "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5g"})
    void refuses_a_client_message_id_that_is_not_a_uuid(String clientMsgId) {
        assertRefused(clientMsgId, "hello", Code.INVALID_CLIENT_MSG_ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t ", "\u2003"})
    void refuses_empty_text(String text) {
        assertRefused(MSG_1, text, Code.TEXT_EMPTY);
    }

    @Test
    void refuses_text_longer_than_4000_characters() {
        assertRefused(MSG_1, "a".repeat(4001), Code.TEXT_TOO_LONG);
    }

    private void assertRefused(String clientMsgId, String text, Code code) {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        int before = repository.messages.size();
        List<PostedMessage> acked = new ArrayList<>();

        InvalidChatInputException e = catchThrowableOfType(InvalidChatInputException.class,
                () -> chat.post(admin, id, clientMsgId, text, acked::add));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(repository.messages).hasSize(before);
        assertThat(acked).isEmpty();
    }

    @Test
    void accepts_exactly_4000_characters_after_trimming() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();
        String text = "a".repeat(4000);

        PostedMessage posted = chat.post(admin, id, MSG_1, "  \n" + text + "  ", ignore());

        assertThat(posted.duplicate()).isFalse();
        assertThat(repository.findByClientMsgId(id, MSG_1)).map(ChatMessage::text).contains(text);
    }

    @Test
    void an_administrators_question_to_a_connected_portal_is_stored_marked_for_routing_and_nothing_else_is() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Our portal shows error 500", ignore());
        chat.post(admin, id, MSG_2, "help", ignore());

        assertThat(repository.findByClientMsgId(id, MSG_1).orElseThrow().awaitingRouting())
                .as("a question for support people").contains("en");
        assertThat(repository.findByClientMsgId(id, MSG_2).orElseThrow().awaitingRouting())
                .as("a question for the bot").isEmpty();
    }

    @Test
    void before_the_portal_is_connected_no_message_awaits_routing() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Our portal shows error 500", ignore());

        assertThat(repository.findByClientMsgId(id, MSG_1).orElseThrow().awaitingRouting()).isEmpty();
    }

    // --- post: storing and answering ---

    @Test
    void acknowledges_the_stored_message_before_the_bot_answers() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        List<List<AuthorKind>> seenAtAck = new ArrayList<>();

        PostedMessage posted = chat.post(admin, id, MSG_1, "help", p ->
                seenAtAck.add(messages(id).stream().map(ChatMessage::authorKind).toList()));

        // At the acknowledgement the user's message is stored and the bot has not spoken yet...
        assertThat(seenAtAck).containsExactly(List.of(AuthorKind.BOT, AuthorKind.USER));
        // ...afterwards it has.
        assertThat(messages(id)).extracting(ChatMessage::authorKind)
                .containsExactly(AuthorKind.BOT, AuthorKind.USER, AuthorKind.BOT);
        assertThat(posted).isEqualTo(new PostedMessage(MSG_1, 2, false));
    }

    @Test
    void stores_the_client_id_in_lower_case_so_a_resend_in_other_case_is_recognised() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1.toUpperCase(), "help", ignore());
        PostedMessage again = chat.post(admin, id, MSG_1, "help", ignore());

        assertThat(repository.findByClientMsgId(id, MSG_1)).isPresent();
        assertThat(again.duplicate()).isTrue();
    }

    @Test
    void a_resend_is_acknowledged_again_and_not_answered_again() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        PostedMessage first = chat.post(admin, id, MSG_1, "help", ignore());
        int afterFirst = repository.messages.size();
        List<PostedMessage> acked = new ArrayList<>();

        PostedMessage again = chat.post(admin, id, MSG_1, "help", acked::add);

        assertThat(again).isEqualTo(new PostedMessage(MSG_1, first.seq(), true));
        assertThat(acked).containsExactly(again);
        assertThat(repository.messages).hasSize(afterFirst);
    }

    @Test
    void stores_the_trimmed_text_under_the_users_current_name() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "  My question  ", ignore());

        assertThat(repository.findByClientMsgId(id, MSG_1)).hasValueSatisfying(m -> {
            assertThat(m.text()).isEqualTo("My question");
            assertThat(m.authorName()).isEqualTo("Anna");
            assertThat(m.authorKind()).isEqualTo(AuthorKind.USER);
        });
    }

    @Test
    void help_and_status_in_free_text_are_answered_by_the_bot() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Pomoc!", ignore());
        chat.post(admin, id, MSG_2, "status?", ignore());

        assertThat(messages(id)).extracting(ChatMessage::text).containsExactly(
                texts.text(SupportLocale.EN, "greeting.installed", "Anna"),
                "Pomoc!",
                texts.text(SupportLocale.EN, "help.admin"),
                "status?",
                texts.text(SupportLocale.EN, "status.INSTALLED", "Acme intranet"));
        assertThat(messages(id).get(2).actions()).containsExactly("activate");
    }

    @Test
    void a_question_to_an_installed_bot_is_answered_with_the_offer_to_activate() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Why is my mail server slow?", ignore());

        assertThat(messages(id)).last().satisfies(m -> {
            assertThat(m.text()).isEqualTo(texts.text(SupportLocale.EN, "notActivated"));
            assertThat(m.actions()).containsExactly("activate");
        });
        assertThat(activationRequests).isEmpty();
    }

    @Test
    void a_question_to_a_connected_bot_gets_no_bot_answer() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Why is my mail server slow?", ignore());

        assertThat(messages(id)).extracting(ChatMessage::authorKind).containsExactly(AuthorKind.BOT, AuthorKind.USER);
        // Routing takes the question: one event naming the stored message.
        assertThat(questions.fired).singleElement().satisfies(q -> {
            assertThat(q.conversationId()).isEqualTo(id);
            assertThat(q.portalId()).isEqualTo("p-1");
            assertThat(q.seq()).isEqualTo(2);
            assertThat(q.text()).isEqualTo("Why is my mail server slow?");
            assertThat(q.locale()).isEqualTo(SupportLocale.EN);
        });
    }

    @Test
    void a_resent_question_and_a_bot_command_go_to_nobody_in_support() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Why is my mail server slow?", ignore());
        chat.post(admin, id, MSG_1, "Why is my mail server slow?", ignore());
        chat.post(admin, id, MSG_2, "status", ignore());

        assertThat(questions.fired).hasSize(1);
    }

    @Test
    void a_staff_reply_is_stored_once_under_the_operators_name_and_a_resend_is_recognised() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        var first = chat.postAsStaff(id, MSG_1, "Olga Operator", "  Please restart the agent.  ");
        var again = chat.postAsStaff(id, MSG_1.toUpperCase(), "Olga Operator", "Please restart the agent.");

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.seq()).isEqualTo(first.seq());
        assertThat(messages(id)).last().satisfies(m -> {
            assertThat(m.authorKind()).isEqualTo(AuthorKind.STAFF);
            assertThat(m.authorName()).isEqualTo("Olga Operator");
            assertThat(m.text()).isEqualTo("Please restart the agent.");
        });
        assertThatThrownBy(() -> chat.postAsStaff(id, "not-a-uuid", "Olga Operator", "x"))
                .isInstanceOf(org.supporthub.core.application.InvalidChatInputException.class);
        assertThatThrownBy(() -> chat.postAsStaff(id, MSG_2, "Olga Operator", "   "))
                .isInstanceOf(org.supporthub.core.application.InvalidChatInputException.class);
    }

    @Test
    void notes_come_from_the_bot_or_the_hub_only() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.note(id, AuthorKind.SYSTEM, "Olga Operator joined the conversation.");
        chat.note(id, AuthorKind.BOT, "Thank you for your feedback!");

        assertThat(messages(id)).extracting(ChatMessage::authorKind)
                .containsExactly(AuthorKind.BOT, AuthorKind.SYSTEM, AuthorKind.BOT);
        assertThatThrownBy(() -> chat.note(id, AuthorKind.USER, "forged")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chat.note(id, AuthorKind.STAFF, "forged")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asking_what_support_covers_lists_the_policy_by_area_in_any_state() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "What does support cover?", ignore());

        List<String> said = messages(id).stream().filter(m -> m.authorKind() == AuthorKind.BOT).skip(1)
                .map(ChatMessage::text).toList();
        // An introduction, one message per area (six), and where to go for what is not covered.
        assertThat(said).hasSize(8);
        assertThat(said.get(0)).isEqualTo(texts.text(SupportLocale.EN, "policy.intro"));
        assertThat(said).anySatisfy(t -> assertThat(t).startsWith("Integration and API").contains("✘ Developing custom modules."));
        assertThat(said).anySatisfy(t -> assertThat(t).startsWith("Updates").contains("✔ Licence-key problems"));
        assertThat(said.get(7)).isEqualTo(texts.text(SupportLocale.EN, "policy.partners"));
        assertThat(questions.fired).isEmpty();
    }

    @Test
    void send_anyway_from_a_connected_administrator_goes_to_routing() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.command(admin, id, "send-anyway");

        assertThat(sendAnyway.fired).containsExactly(id);
    }

    @Test
    void send_anyway_before_the_bot_is_connected_does_nothing_but_explain() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.command(admin, id, "send-anyway");

        assertThat(sendAnyway.fired).isEmpty();
        assertThat(messages(id)).last().satisfies(m -> assertThat(m.text())
                .isEqualTo(texts.text(SupportLocale.EN, "notActivated")));
    }

    @Test
    void end_session_from_a_connected_administrator_goes_to_routing() {
        portal(BotState.CONNECTED);
        String id = chat.open(admin).conversationId();

        chat.command(admin, id, "end-session");

        assertThat(endSession.fired).containsExactly(id);
        assertThat(sendAnyway.fired).isEmpty();
    }

    @Test
    void end_session_before_the_bot_is_connected_does_nothing_but_explain() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.command(admin, id, "end-session");

        assertThat(endSession.fired).isEmpty();
        assertThat(messages(id)).last().satisfies(m -> assertThat(m.text())
                .isEqualTo(texts.text(SupportLocale.EN, "notActivated")));
    }

    @Test
    void a_question_before_the_bot_is_connected_is_not_routed() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Why is my mail server slow?", ignore());

        assertThat(questions.fired).isEmpty();
    }

    @Test
    void typing_activate_runs_the_activation() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.post(admin, id, MSG_1, "Aktywuj bota!", ignore());

        assertThat(activationRequests).containsExactly(admin);
        assertThat(messages(id)).last().extracting(ChatMessage::text)
                .isEqualTo(texts.text(SupportLocale.EN, "activation.unavailable", ""));
    }

    // --- commands ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"bogus", "HELP", "aktywuj", "other"})
    void an_unknown_command_is_refused_and_nothing_is_said(String name) {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        InvalidChatInputException e = catchThrowableOfType(InvalidChatInputException.class,
                () -> chat.command(admin, id, name));

        assertThat(e.code()).isEqualTo(Code.UNKNOWN_COMMAND);
        assertThat(messages(id)).hasSize(1);
        assertThat(activationRequests).isEmpty();
    }

    @Test
    void the_activate_command_explains_each_failure_of_the_activation() {
        portal(BotState.INSTALLED, SupportLocale.PL);
        String id = chat.open(admin).conversationId();
        activationOutcome = new ActivationOutcome(Status.FAILED, List.of(
                new ActivationFailure("SUPPORT_CHANNEL_DISABLED", null),
                new ActivationFailure("NOT_PORTAL_ADMIN", null)));

        chat.command(admin, id, "activate");

        assertThat(activationRequests).containsExactly(admin);
        assertThat(messages(id)).extracting(ChatMessage::text).containsExactly(
                texts.text(SupportLocale.PL, "greeting.installed", "Anna"),
                texts.text(SupportLocale.PL, "activation.started"),
                texts.text(SupportLocale.PL, "activation.failed.SUPPORT_CHANNEL_DISABLED"),
                texts.text(SupportLocale.PL, "activation.failed.NOT_PORTAL_ADMIN"));
        // The last explanation offers another try.
        assertThat(messages(id)).last().extracting(ChatMessage::actions).isEqualTo(List.of("activate"));
    }

    @Test
    void each_finished_check_is_reported_in_the_chat_as_it_comes() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        activationProgress = List.of(org.supporthub.core.application.ActivationProgress.passed("LICENSE"),
                org.supporthub.core.application.ActivationProgress.failed("UPDATES", "UPDATES_REQUIRED", null,
                        List.of("23.0.0", "24.0.0")));
        activationOutcome = new ActivationOutcome(Status.FAILED, List.of(
                new ActivationFailure("UPDATES_REQUIRED", null, List.of("23.0.0", "24.0.0"))));

        chat.command(admin, id, "activate");

        assertThat(messages(id)).extracting(ChatMessage::text).containsExactly(
                texts.text(SupportLocale.EN, "greeting.installed", "Anna"),
                texts.text(SupportLocale.EN, "activation.started"),
                "\u2714 Licence",
                "\u2718 Stable updates installed: UPDATES_REQUIRED",
                texts.text(SupportLocale.EN, "activation.failed.UPDATES_REQUIRED", "23.0.0", "24.0.0"));
        assertThat(messages(id)).last().extracting(ChatMessage::text).asString()
                .contains("23.0.0").contains("24.0.0");
    }

    @Test
    void the_activate_command_announces_a_connection() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        activationOutcome = new ActivationOutcome(Status.CONNECTED, List.of());

        chat.command(admin, id, "activate");

        assertThat(messages(id)).last().extracting(ChatMessage::text)
                .isEqualTo(texts.text(SupportLocale.EN, "activation.connected"));
    }

    @Test
    void the_activate_command_returns_while_the_activation_runs_and_the_outcome_follows_when_it_ends() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        pendingActivation = new java.util.concurrent.CompletableFuture<>();

        chat.command(admin, id, "activate");

        // The caller (a socket's thread) is free again; only the announcement is said so far.
        assertThat(messages(id)).extracting(ChatMessage::text).last()
                .isEqualTo(texts.text(SupportLocale.EN, "activation.started"));
        pendingActivation.complete(new ActivationOutcome(Status.CONNECTED, List.of()));
        assertThat(messages(id)).last().extracting(ChatMessage::text)
                .isEqualTo(texts.text(SupportLocale.EN, "activation.connected"));
    }

    @Test
    void an_activation_that_ends_abnormally_is_explained_as_interrupted_and_offers_another_try() {
        portal(BotState.INSTALLED, SupportLocale.PL);
        String id = chat.open(admin).conversationId();
        pendingActivation = new java.util.concurrent.CompletableFuture<>();

        chat.command(admin, id, "activate");
        pendingActivation.completeExceptionally(new IllegalStateException("database gone"));

        assertThat(messages(id)).last().satisfies(m -> {
            assertThat(m.text()).isEqualTo(texts.text(SupportLocale.PL, "activation.failed.ACTIVATION_INTERRUPTED"));
            assertThat(m.actions()).containsExactly("activate");
        });
    }

    @Test
    void a_busy_hub_says_so() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        activationOutcome = ActivationOutcome.busy();

        chat.command(admin, id, "activate");

        assertThat(messages(id)).last().extracting(ChatMessage::text)
                .isEqualTo(texts.text(SupportLocale.EN, "activation.failed.ACTIVATION_BUSY"));
    }

    @Test
    void help_and_status_commands() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();

        chat.command(admin, id, "help");
        chat.command(admin, id, "status");

        assertThat(messages(id)).extracting(ChatMessage::text).endsWith(
                texts.text(SupportLocale.EN, "help.admin"),
                texts.text(SupportLocale.EN, "status.INSTALLED", "Acme intranet"));
        assertThat(activationRequests).isEmpty();
    }

    // --- history ---

    @Test
    void history_replays_what_follows_a_number() {
        portal(BotState.INSTALLED);
        String id = chat.open(admin).conversationId();
        chat.post(admin, id, MSG_1, "help", ignore());

        assertThat(chat.history(id, 1, 100)).extracting(ConversationMessage::seq).containsExactly(2L, 3L);
        assertThat(chat.history(id, 0, 1)).extracting(ConversationMessage::seq).containsExactly(1L);
        assertThat(chat.history(id, 3, 100)).isEmpty();
    }
}
