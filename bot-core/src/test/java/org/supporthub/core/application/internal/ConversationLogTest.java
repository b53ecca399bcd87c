package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

/** The conversation log over an in-memory repository: numbering, resends, greeting once, events. */
class ConversationLogTest {

    private static final String MSG_1 = "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b";

    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final RecordingEvent<ConversationMessage> stored = new RecordingEvent<>();
    private ConversationLog log;
    private Conversation conversation;

    static ConversationLog logOver(InMemoryConversationRepository repository, RecordingEvent<ConversationMessage> stored) {
        ConversationLog log = new ConversationLog();
        log.conversations = repository;
        log.stored = stored;
        log.clock = Clock.fixed(TestPortals.NOW, ZoneOffset.UTC);
        log.attachments = new MessageAttachments();
        return log;
    }

    @BeforeEach
    void setUp() {
        log = logOver(repository, stored);
        conversation = log.create(TestPortals.admin("p-1"));
    }

    @Test
    void creates_one_conversation_for_the_user() {
        assertThat(conversation.portalId()).isEqualTo("p-1");
        assertThat(conversation.userId()).isEqualTo("u-admin");
        assertThat(conversation.userName()).isEqualTo("Anna");
        assertThat(conversation.createdAt()).isEqualTo(TestPortals.NOW);
        assertThat(log.findByUser("p-1", "u-admin")).contains(conversation);
        assertThat(log.findByUser("p-2", "u-admin")).isEmpty();
    }

    @Test
    void numbers_every_message_of_a_conversation_in_order() {
        assertThat(log.appendFromBot(conversation.id(), "hi", List.of("activate"))).isEqualTo(1);
        assertThat(log.appendFromUser(conversation.id(), MSG_1, "Anna", "help").seq()).isEqualTo(2);
        assertThat(log.appendFromHub(conversation.id(), "closed")).isEqualTo(3);

        assertThat(repository.messagesOf(conversation.id()))
                .extracting(ChatMessage::seq, ChatMessage::authorKind, ChatMessage::authorName)
                .containsExactly(
                        tuple(1L, AuthorKind.BOT, "Support bot"),
                        tuple(2L, AuthorKind.USER, "Anna"),
                        tuple(3L, AuthorKind.SYSTEM, "Support Hub"));
        assertThat(log.find(conversation.id()).map(Conversation::lastSeq)).contains(3L);
    }

    @Test
    void announces_every_stored_message_with_its_portal() {
        log.appendFromBot(conversation.id(), "hi", List.of("activate"));
        log.appendFromUser(conversation.id(), MSG_1, "Anna", "help");

        assertThat(stored.fired).extracting(ConversationMessage::seq).containsExactly(1L, 2L);
        ConversationMessage bot = stored.fired.get(0);
        assertThat(bot.portalId()).isEqualTo("p-1");
        assertThat(bot.conversationId()).isEqualTo(conversation.id());
        assertThat(bot.actions()).containsExactly("activate");
        assertThat(bot.at()).isEqualTo(TestPortals.NOW);
        assertThat(stored.fired.get(1).clientMsgId()).isEqualTo(MSG_1);
    }

    @Test
    void a_resent_client_message_is_recognised_not_stored_again() {
        PostedMessage first = log.appendFromUser(conversation.id(), MSG_1, "Anna", "help");
        PostedMessage again = log.appendFromUser(conversation.id(), MSG_1, "Anna", "help");

        assertThat(first).isEqualTo(new PostedMessage(MSG_1, 1, false));
        assertThat(again).isEqualTo(new PostedMessage(MSG_1, 1, true));
        assertThat(repository.messages).hasSize(1);
        assertThat(stored.fired).hasSize(1);
    }

    @Test
    void the_same_client_id_in_another_conversation_is_a_new_message() {
        Conversation other = log.create(TestPortals.employee("p-1"));

        log.appendFromUser(conversation.id(), MSG_1, "Anna", "help");
        PostedMessage inOther = log.appendFromUser(other.id(), MSG_1, "Piotr", "help");

        assertThat(inOther.duplicate()).isFalse();
        assertThat(inOther.seq()).isEqualTo(1);
    }

    @Test
    void keeps_the_users_display_name_current() {
        log.appendFromUser(conversation.id(), MSG_1, "Anna Kowalska", "hello");

        assertThat(log.find(conversation.id()).map(Conversation::userName)).contains("Anna Kowalska");
    }

    @Test
    void greets_only_an_empty_conversation() {
        assertThat(log.greetIfEmpty(conversation.id(), "Hello", List.of("activate"))).isTrue();
        assertThat(log.greetIfEmpty(conversation.id(), "Hello", List.of("activate"))).isFalse();

        assertThat(repository.messagesOf(conversation.id())).singleElement()
                .satisfies(m -> assertThat(m.actions()).containsExactly("activate"));
    }

    @Test
    void messages_after_a_sequence_number_oldest_first_limited() {
        for (int i = 1; i <= 5; i++) {
            log.appendFromBot(conversation.id(), "m" + i, List.of());
        }

        assertThat(log.messagesAfter(conversation.id(), 2, 2)).extracting(ConversationMessage::text)
                .containsExactly("m3", "m4");
        assertThat(log.messagesAfter(conversation.id(), 5, 10)).isEmpty();
        assertThat(log.messagesAfter(conversation.id(), 0, 10)).allSatisfy(m -> assertThat(m.portalId()).isEqualTo("p-1"));
    }

    @Test
    void lists_the_conversations_of_a_portal() {
        Conversation other = log.create(TestPortals.employee("p-1"));
        log.create(new PortalUser("p-2", "u-x", "X", true, List.of(), Optional.empty()));

        assertThat(log.conversationIds("p-1")).containsExactly(conversation.id(), other.id());
    }

    @Test
    void an_unknown_conversation_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> log.appendFromBot("nope", "t", List.of()))
                .withMessageContaining("nope");
        assertThatIllegalArgumentException().isThrownBy(() -> log.messagesAfter("nope", 0, 10));
        assertThat(repository.messages).isEmpty();
    }
}
