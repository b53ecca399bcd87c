package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.application.internal.ConversationLog.Append;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Users' messages stored together (group commit): numbered as one by one, duplicates recognised whether
 * stored before or given twice in the batch, and the database asked a constant number of times whatever
 * the batch's size: one locking read, one read of client ids, one flush.
 */
class ConversationLogBatchTest {

    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final RecordingEvent<ConversationMessage> stored = new RecordingEvent<>();
    private ConversationLog log;
    private Conversation anna;
    private Conversation bob;

    @BeforeEach
    void setUp() {
        log = ConversationLogTest.logOver(repository, stored);
        anna = log.create(TestPortals.admin("p-1"));
        bob = log.create(TestPortals.employee("p-2"));
    }

    private static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Test
    void numbers_each_conversation_in_the_order_given_and_answers_in_that_order() {
        log.appendFromBot(anna.id(), "greeting", List.of());

        List<PostedMessage> answers = log.appendAll(List.of(
                Append.fromUser(anna.id(), id(1), "Anna", "one", null),
                Append.fromUser(bob.id(), id(2), "Bob", "two", null),
                Append.fromUser(anna.id(), id(3), "Anna", "three", "en")));

        assertThat(answers).containsExactly(new PostedMessage(id(1), 2, false), new PostedMessage(id(2), 1, false),
                new PostedMessage(id(3), 3, false));
        assertThat(repository.messages).extracting(ChatMessage::text).containsExactly("greeting", "one", "two", "three");
        assertThat(anna.lastSeq()).isEqualTo(3);
        assertThat(bob.lastSeq()).isEqualTo(1);
        assertThat(repository.messages.get(3).awaitingRouting()).contains("en");
        assertThat(stored.fired).extracting(ConversationMessage::seq).containsExactly(1L, 2L, 1L, 3L);
        assertThat(stored.fired.get(2).portalId()).isEqualTo("p-2");
    }

    @Test
    void a_client_id_stored_before_or_given_twice_is_stored_once() {
        PostedMessage earlier = log.appendFromUser(anna.id(), id(1), "Anna", "one");

        List<PostedMessage> answers = log.appendAll(List.of(
                Append.fromUser(anna.id(), id(1), "Anna", "one again", null),
                Append.fromUser(anna.id(), id(2), "Anna", "two", null),
                Append.fromUser(anna.id(), id(2), "Anna", "two, resent at once", null),
                Append.fromUser(bob.id(), id(2), "Bob", "the same id in another conversation", null)));

        assertThat(answers).containsExactly(new PostedMessage(id(1), earlier.seq(), true),
                new PostedMessage(id(2), 2, false), new PostedMessage(id(2), 2, true),
                new PostedMessage(id(2), 1, false));
        assertThat(repository.messages).extracting(ChatMessage::text)
                .containsExactly("one", "two", "the same id in another conversation");
    }

    @Test
    void a_batch_costs_three_requests_whatever_its_size() {
        List<Append> posts = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            posts.add(Append.fromUser(n % 2 == 0 ? anna.id() : bob.id(), id(n), "X", "message " + n, null));
        }
        int locks = repository.locks;

        log.appendAll(posts);

        assertThat(repository.batchLocks).isEqualTo(1);
        assertThat(repository.batchLookups).isEqualTo(1);
        assertThat(repository.batchAppends).isEqualTo(1);
        assertThat(repository.locks).as("no lock per message").isEqualTo(locks);
        assertThat(repository.messages).hasSize(150);
    }

    @Test
    void the_bots_answers_share_the_batch_and_carry_their_actions() {
        List<PostedMessage> answers = log.appendAll(List.of(
                Append.fromUser(anna.id(), id(1), "Anna", "activate please", null),
                Append.fromBot(anna.id(), "Activation starts", List.of()),
                Append.fromBot(bob.id(), "Only administrators can contact support", List.of("activate"))));

        assertThat(answers).containsExactly(new PostedMessage(id(1), 1, false), new PostedMessage(null, 2, false),
                new PostedMessage(null, 1, false));
        assertThat(repository.messages.get(1).authorKind())
                .isEqualTo(org.supporthub.core.domain.model.conversation.AuthorKind.BOT);
        assertThat(repository.messages.get(2).actions()).containsExactly("activate");
        assertThat(anna.userName()).as("the bot does not rename the user").isEqualTo("Anna");
    }

    @Test
    void renames_the_user_as_a_single_message_would() {
        log.appendAll(List.of(Append.fromUser(anna.id(), id(1), "Anna Nowak", "hello", null)));

        assertThat(anna.userName()).isEqualTo("Anna Nowak");
    }

    @Test
    void an_unknown_conversation_fails_the_whole_batch() {
        assertThatIllegalArgumentException().isThrownBy(() -> log.appendAll(List.of(
                Append.fromUser(anna.id(), id(1), "Anna", "one", null),
                Append.fromUser("nope", id(2), "Anna", "two", null))));
    }
}
