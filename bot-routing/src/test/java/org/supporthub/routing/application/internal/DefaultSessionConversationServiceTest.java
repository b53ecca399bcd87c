package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.supporthub.routing.application.internal.RoutingWorld.refused;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.domain.model.session.SessionOutcome;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.Vote;

/**
 * The conversation inside a session, through the conversation service, on in-memory storage: the owner's
 * replies, labels, the close and the administrator's vote. The channel {@code ch1} serves the English
 * portal with olga, piotr and anna, in that order.
 */
class DefaultSessionConversationServiceTest {

    private final RoutingWorld world = new RoutingWorld();

    private void channel(Consumer<RoutingWorld.ChannelSpec> customize) {
        world.channel("ch1", customize);
    }

    // ---- label ----

    @Test
    void an_operator_corrects_the_label_and_the_correction_is_kept() {
        channel(c -> { });
        SupportSession s = world.ask("conv1", "Help with the API");

        world.conversation.relabel("olga", s.id(), "INTEGRATION", "COVERED");

        assertThat(s.area()).contains("INTEGRATION");
        assertThat(s.coverage()).contains("COVERED");
        assertThat(world.correctionsStored).singleElement().satisfies(c -> {
            assertThat(c.operator()).isEqualTo("olga");
            assertThat(c.question()).isEqualTo("Help with the API");
        });
        refused(Code.INVALID_LABEL, () -> world.conversation.relabel("olga", s.id(), "NOWHERE", "COVERED"));
        refused(Code.NOT_YOURS, () -> world.conversation.relabel("stranger", s.id(), "OTHER", "COVERED"));
    }

    // ---- reply ----

    @Test
    void the_first_reply_answers_the_session() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.advance(20);
        world.sessionChanges.clear();

        PostedMessage posted = world.conversation.reply("olga", s.id(), "m1", "Let me check.");

        assertThat(posted.duplicate()).isFalse();
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(s.lastActivityAt()).isEqualTo(world.now());
        assertThat(world.chat.of("conv1")).filteredOn(m -> m.kind() == AuthorKind.STAFF)
                .extracting(RecordingChat.Stored::author, RecordingChat.Stored::text)
                .containsExactly(tuple("Olga Operator", "Let me check."));
        assertThat(world.sessionChanges.fired).hasSize(1);

        world.conversation.reply("olga", s.id(), "m2", "Done.");
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(world.sessionChanges.fired).as("later replies do not move the session").hasSize(1);
    }

    @Test
    void a_file_from_the_owner_answers_the_session_like_a_text_reply() {
        channel(c -> c.operators("olga", "piotr"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.advance(20);
        world.sessionChanges.clear();

        refused(Code.NOT_YOURS, () -> world.conversation.repliedWithFiles("piotr", s.id(), 9, java.util.List.of("fix.png")));
        assertThat(s.state()).isEqualTo(ASSIGNED);

        world.conversation.repliedWithFiles("olga", s.id(), 9, java.util.List.of("fix.png"));

        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(s.lastActivityAt()).isEqualTo(world.now());
        assertThat(s.firstResponseMillis()).as("the file was the first response").isPresent();
        assertThat(world.sessionChanges.fired).hasSize(1);
    }

    @Test
    void a_resent_reply_is_recognised_and_changes_nothing() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.conversation.reply("olga", s.id(), "m1", "Let me check.");
        Instant answeredAt = s.lastActivityAt();
        world.advance(20);

        PostedMessage again = world.conversation.reply("olga", s.id(), "m1", "Let me check.");

        assertThat(again.duplicate()).isTrue();
        assertThat(s.lastActivityAt()).isEqualTo(answeredAt);
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).containsExactly("Let me check.");
    }

    @Test
    void only_the_owner_replies() {
        channel(c -> c.operators("olga", "piotr"));
        SupportSession s = world.takenBy("olga", "conv1");

        refused(Code.NOT_YOURS, () -> world.conversation.reply("piotr", s.id(), "m1", "Hi"));

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).isEmpty();
    }

    @Test
    void nobody_replies_to_a_closed_or_unassigned_session() {
        channel(c -> c.operators("olga"));
        SupportSession closed = world.takenBy("olga", "conv1");
        world.conversation.close("olga", closed.id());
        SupportSession waiting = world.ask("conv2", "Help");

        refused(Code.SESSION_CLOSED, () -> world.conversation.reply("olga", closed.id(), "m1", "Hi"));
        refused(Code.NOT_YOURS, () -> world.conversation.reply("olga", waiting.id(), "m2", "Hi"));
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).isEmpty();
        assertThat(world.chat.texts("conv2", AuthorKind.STAFF)).isEmpty();
    }

    // ---- close ----

    @Test
    void the_owner_closes_the_session_and_the_administrator_is_asked_to_rate_it() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.advance(60);

        world.conversation.close("olga", s.id());

        assertThat(s.state()).isEqualTo(CLOSED);
        assertThat(s.closedAt()).contains(world.now());
        assertThat(s.voteOpen()).isTrue();
        assertThat(world.system("conv1")).endsWith(world.text("session.closed"));
        assertThat(world.bot("conv1")).endsWith(world.text("session.votePlease"));
        long lastSeq = world.chat.of("conv1").get(world.chat.of("conv1").size() - 1).seq();
        assertThat(s.lastSeq()).contains(lastSeq);
    }

    @Test
    void the_administrator_ends_the_open_session_which_counts_as_closed_by_them_and_frees_the_operator() {
        channel(c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        SupportSession s = world.takenBy("olga", "conv1");
        world.conversation.reply("olga", s.id(), "m1", "Let me check.");
        SupportSession next = world.ask("conv2", "Me too");
        assertThat(next.state()).isEqualTo(WAITING);
        world.advance(30);

        world.conversation.endByAdministrator("conv1");

        assertThat(s.state()).isEqualTo(CLOSED);
        assertThat(s.closedAt()).contains(world.now());
        assertThat(s.outcome()).contains(SessionOutcome.CLOSED_BY_ADMINISTRATOR);
        assertThat(world.system("conv1")).endsWith(world.text("session.endedByAdministrator"));
        assertThat(s.voteOpen()).isTrue();
        assertThat(next.offeredTo()).as("olga's place is free again").containsExactly("olga");
    }

    @Test
    void ending_without_an_open_session_only_says_so() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.conversation.close("olga", s.id());

        world.conversation.endByAdministrator("conv1");

        assertThat(world.bot("conv1")).last().isEqualTo(world.text("session.nothingToEnd"));
        assertThat(s.outcome()).as("the operator's close stays").contains(SessionOutcome.MISSED);
    }

    @Test
    void an_operator_closing_an_answered_session_records_it_as_answered() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.advance(40);
        world.conversation.reply("olga", s.id(), "m1", "Done.");

        world.conversation.close("olga", s.id());

        assertThat(s.outcome()).contains(SessionOutcome.ANSWERED);
        assertThat(s.queueMillis()).contains(0L);
        assertThat(s.firstResponseMillis()).contains(40_000L);
    }

    @Test
    void without_a_vote_the_close_note_ends_the_session() {
        channel(c -> {
            c.operators("olga");
            c.voteOnClose = false;
        });
        SupportSession s = world.takenBy("olga", "conv1");

        world.conversation.close("olga", s.id());

        assertThat(s.voteOpen()).isFalse();
        RecordingChat.Stored last = world.chat.of("conv1").get(world.chat.of("conv1").size() - 1);
        assertThat(last.text()).isEqualTo(world.text("session.closed"));
        assertThat(s.lastSeq()).contains(last.seq());
        assertThat(world.bot("conv1")).doesNotContain(world.text("session.votePlease"));
    }

    @Test
    void closing_frees_capacity_and_the_next_waiting_session_is_offered() {
        channel(c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        SupportSession first = world.takenBy("olga", "conv1");
        world.advance(1);
        SupportSession second = world.ask("conv2", "Second");
        world.advance(1);
        SupportSession third = world.ask("conv3", "Third");
        assertThat(second.state()).isEqualTo(WAITING);

        world.conversation.close("olga", first.id());

        assertThat(second.state()).isEqualTo(OFFERED);
        assertThat(second.offeredTo()).containsExactly("olga");
        assertThat(third.state()).isEqualTo(WAITING);
    }

    @Test
    void a_member_may_close_an_unassigned_session_of_their_channel_but_nobody_else() {
        channel(c -> c.operators("olga", "piotr"));
        world.online("zofia");
        SupportSession s = world.ask("conv1", "spam");

        refused(Code.NOT_YOURS, () -> world.conversation.close("zofia", s.id()));
        assertThat(s.isOpen()).isTrue();

        world.conversation.close("piotr", s.id());
        assertThat(s.state()).isEqualTo(CLOSED);
    }

    @Test
    void only_the_owner_closes_a_held_session_and_only_once() {
        channel(c -> c.operators("olga", "piotr"));
        SupportSession s = world.takenBy("olga", "conv1");

        refused(Code.NOT_YOURS, () -> world.conversation.close("piotr", s.id()));
        assertThat(s.state()).isEqualTo(ASSIGNED);

        world.conversation.close("olga", s.id());
        refused(Code.SESSION_CLOSED, () -> world.conversation.close("olga", s.id()));
    }

    // ---- vote ----

    private SupportSession closedSession() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.conversation.close("olga", s.id());
        return s;
    }

    @Test
    void the_administrator_rates_a_closed_session_once() {
        SupportSession s = closedSession();

        world.conversation.vote("conv1", s.id(), "like", "  Great help  ");

        assertThat(s.vote()).contains(Vote.LIKE);
        assertThat(s.voteComment()).contains("Great help");
        assertThat(world.bot("conv1")).endsWith(world.text("session.voteThanks"));

        refused(Code.VOTE_NOT_OPEN, () -> world.conversation.vote("conv1", s.id(), "dislike", null));
        assertThat(s.vote()).contains(Vote.LIKE);
    }

    @Test
    void no_vote_before_the_close() {
        channel(c -> c.operators("olga"));
        SupportSession s = world.takenBy("olga", "conv1");

        refused(Code.VOTE_NOT_OPEN, () -> world.conversation.vote("conv1", s.id(), "like", null));

        assertThat(s.vote()).isEmpty();
    }

    static Stream<Arguments> badVotes() {
        return Stream.of(
                Arguments.of("meh", null, "conv1", Code.INVALID_VOTE),
                Arguments.of("LIKE", null, "conv1", Code.INVALID_VOTE),
                Arguments.of(null, null, "conv1", Code.INVALID_VOTE),
                Arguments.of("like", "c".repeat(1001), "conv1", Code.INVALID_VOTE),
                Arguments.of("like", null, "someone-else", Code.NO_SESSION));
    }

    @ParameterizedTest(name = "value {0}, conversation {2}: {3}")
    @MethodSource
    void badVotes(String value, String comment, String conversationId, Code code) {
        SupportSession s = closedSession();

        refused(code, () -> world.conversation.vote(conversationId, s.id(), value, comment));

        assertThat(s.vote()).isEmpty();
        assertThat(s.voteOpen()).isTrue();
    }

    @Test
    void a_comment_of_exactly_1000_characters_is_taken() {
        SupportSession s = closedSession();

        world.conversation.vote("conv1", s.id(), "dislike", "c".repeat(1000));

        assertThat(s.vote()).contains(Vote.DISLIKE);
    }

    @Test
    void no_vote_when_the_channel_does_not_ask_for_one() {
        channel(c -> {
            c.operators("olga");
            c.voteOnClose = false;
        });
        SupportSession s = world.takenBy("olga", "conv1");
        world.conversation.close("olga", s.id());

        refused(Code.VOTE_NOT_OPEN, () -> world.conversation.vote("conv1", s.id(), "like", null));
    }
}
