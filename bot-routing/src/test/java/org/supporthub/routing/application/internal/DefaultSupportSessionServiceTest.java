package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.supporthub.routing.domain.model.RoutingMode.ALL;
import static org.supporthub.routing.domain.model.RoutingMode.MANUAL;
import static org.supporthub.routing.domain.model.RoutingMode.STRICT;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.Vote;

/**
 * The session service through its public methods, on in-memory storage. Questions arrive the way the
 * chat hands them over ({@link QuestionRouting}); the channel {@code ch1} serves the English portal with
 * olga, piotr and anna, in that order.
 */
class DefaultSupportSessionServiceTest {

    private final RoutingWorld world = new RoutingWorld();

    private void channel(Consumer<RoutingWorld.ChannelSpec> customize) {
        world.channel("ch1", customize);
    }

    private static void refused(Code code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RoutingRefusal.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private List<String> bot(String conversationId) {
        return world.chat.texts(conversationId, AuthorKind.BOT);
    }

    private List<String> system(String conversationId) {
        return world.chat.texts(conversationId, AuthorKind.SYSTEM);
    }

    // ---- an acknowledged question always ends in a session or an explanation ----

    @Test
    void a_question_no_channel_serves_is_explained_and_no_longer_awaits_routing() {
        world.conversations.store(new org.supporthub.core.domain.model.conversation.Conversation("conv1",
                RoutingWorld.PORTAL, "user-conv1", "Admin conv1", world.now()));

        world.routing.asked(new SupportQuestion(RoutingWorld.PORTAL, "conv1", 7, "Help", SupportLocale.EN,
                world.now()));

        assertThat(world.sessions.openOfConversation("conv1")).isEmpty();
        assertThat(bot("conv1")).containsExactly(world.text("session.noChannel"));
        assertThat(world.conversations.routed).containsExactly("conv1#7");
    }

    @Test
    void a_routed_question_no_longer_awaits_routing_whether_it_opens_or_continues_a_session() {
        channel(c -> { });
        world.ask("conv1", "Help");
        world.ask("conv1", "More detail");
        assertThat(world.conversations.routed).containsExactly("conv1#1", "conv1#2");
    }

    @Test
    void a_question_left_awaiting_routing_by_a_crash_is_routed_by_a_later_beat_once_it_is_stale() {
        channel(c -> { });
        world.conversations.store(new org.supporthub.core.domain.model.conversation.Conversation("conv1",
                RoutingWorld.PORTAL, "user-conv1", "Admin conv1", world.now()));
        org.supporthub.core.domain.model.conversation.ChatMessage stored =
                new org.supporthub.core.domain.model.conversation.ChatMessage("m1", "conv1", 3, "c1",
                        AuthorKind.USER, "Admin conv1", "Lost after the ack?", List.of(), world.now());
        stored.awaitRouting("en");
        world.conversations.awaiting.add(new org.supporthub.core.domain.model.conversation.AwaitingQuestion(
                RoutingWorld.PORTAL, stored));

        assertThat(world.routing.retryStale()).as("not stale yet: the storing request may still route it").isZero();
        world.advance(6);
        assertThat(world.routing.retryStale()).isEqualTo(1);

        SupportSession session = world.sessions.openOfConversation("conv1").orElseThrow();
        assertThat(session.firstSeq()).isEqualTo(3);
        assertThat(world.conversations.routed).containsExactly("conv1#3");
        assertThat(world.routing.retryStale()).as("routed once, never again").isZero();
    }

    // ---- open: triage ----

    @Test
    void a_question_confidently_not_covered_is_held_for_the_administrator_and_offered_to_nobody() {
        channel(c -> { });
        world.online("olga");
        world.triage.answer("Can you write a custom module for us?", FakeTriage.CUSTOM_MODULE, 0.9);

        SupportSession s = world.ask("conv1", "Can you write a custom module for us?");

        assertThat(s.held()).isTrue();
        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.offeredTo()).isEmpty();
        assertThat(s.area()).contains("INTEGRATION");
        assertThat(s.coverage()).contains("NOT_COVERED");
        assertThat(s.policyItem()).contains("INT-N5");
        assertThat(bot("conv1")).containsExactly(world.text("triage.notCovered", FakeTriage.CUSTOM_MODULE.english()));
        assertThat(world.chat.offeredActions).containsValue(List.of("send-anyway"));
        // Held questions wait for the administrator, not in the queue: the next question is first in line.
        SupportSession other = world.ask("conv2", "Something else");
        assertThat(bot("conv2")).containsExactly(world.text("session.received", 1));
        assertThat(other.held()).isFalse();
    }

    @Test
    void send_anyway_puts_the_held_question_in_the_queue_and_it_is_offered() {
        channel(c -> { });
        world.online("olga");
        world.triage.answer("Can you write a custom module for us?", FakeTriage.CUSTOM_MODULE, 0.9);
        SupportSession s = world.ask("conv1", "Can you write a custom module for us?");

        world.service.sendAnyway("conv1");

        assertThat(s.held()).isFalse();
        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("olga");
        assertThat(bot("conv1")).last().isEqualTo(world.text("session.received", 1));
    }

    @Test
    void send_anyway_without_a_held_question_says_so() {
        channel(c -> { });
        world.ask("conv1", "An ordinary question");

        world.service.sendAnyway("conv1");

        assertThat(bot("conv1")).last().isEqualTo(world.text("triage.nothingHeld"));
    }

    @Test
    void a_question_not_covered_but_without_confidence_goes_to_support() {
        channel(c -> { });
        world.online("olga");
        world.triage.answer("Maybe a module?", FakeTriage.CUSTOM_MODULE, 0.4);

        SupportSession s = world.ask("conv1", "Maybe a module?");

        assertThat(s.held()).isFalse();
        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.coverage()).contains("NOT_COVERED");
    }

    @Test
    void a_limited_question_goes_to_support_with_a_word_on_general_recommendations() {
        channel(c -> { });
        world.triage.answer("Our database throws deadlocks", FakeTriage.DATABASE_ERRORS, 0.8);

        SupportSession s = world.ask("conv1", "Our database throws deadlocks");

        assertThat(s.held()).isFalse();
        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1),
                world.text("triage.limited", FakeTriage.DATABASE_ERRORS.english()));
    }

    @Test
    void an_operator_corrects_the_label_and_the_correction_is_kept() {
        channel(c -> { });
        SupportSession s = world.ask("conv1", "Help with the API");

        world.service.relabel("olga", s.id(), "INTEGRATION", "COVERED");

        assertThat(s.area()).contains("INTEGRATION");
        assertThat(s.coverage()).contains("COVERED");
        assertThat(world.correctionsStored).singleElement().satisfies(c -> {
            assertThat(c.operator()).isEqualTo("olga");
            assertThat(c.question()).isEqualTo("Help with the API");
        });
        refused(Code.INVALID_LABEL, () -> world.service.relabel("olga", s.id(), "NOWHERE", "COVERED"));
        refused(Code.NOT_YOURS, () -> world.service.relabel("stranger", s.id(), "OTHER", "COVERED"));
    }

    // ---- open ----

    @Test
    void a_question_opens_a_waiting_session_and_tells_its_place_in_the_queue() {
        channel(c -> { });

        SupportSession s = world.ask("conv1", "How do I renew my licence?");

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(s.portalId()).isEqualTo(RoutingWorld.PORTAL);
        assertThat(s.locale()).isEqualTo("en");
        assertThat(s.firstMessage()).isEqualTo("How do I renew my licence?");
        assertThat(s.firstSeq()).isEqualTo(1);
        assertThat(s.askedAt()).isEqualTo(RoutingWorld.START);
        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1));
        assertThat(world.sessionChanges.fired)
                .containsExactly(new SessionChange(s.id(), "conv1", Set.of("ch1")));
    }

    @Test
    void the_queue_position_counts_every_unassigned_session_before_it() {
        channel(c -> c.capacity = 1);
        world.online("olga");
        SupportSession first = world.ask("conv1", "First");
        world.advance(1);
        SupportSession second = world.ask("conv2", "Second");
        world.advance(1);
        SupportSession third = world.ask("conv3", "Third");

        assertThat(first.state()).isEqualTo(OFFERED);
        assertThat(second.state()).isEqualTo(WAITING);
        assertThat(third.state()).isEqualTo(WAITING);
        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1));
        assertThat(bot("conv2")).containsExactly(world.text("session.received", 2));
        assertThat(bot("conv3")).containsExactly(world.text("session.received", 3));
    }

    @Test
    void a_question_is_offered_at_once_when_an_operator_is_available() {
        channel(c -> { });
        world.online("piotr");

        SupportSession s = world.ask("conv1", "Help");

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("piotr");
    }

    @Test
    void the_welcome_message_follows_the_receipt() {
        channel(c -> c.welcomeMessage = "  Hello from the support team!  ");

        world.ask("conv1", "Help");

        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1), "Hello from the support team!");
    }

    @Test
    void outside_working_hours_the_question_waits_and_the_administrator_is_told() {
        channel(c -> {
            c.welcomeMessage = "Welcome";
            c.outOfHoursMessage = "We work 8 to 18, Warsaw time.";
        });
        world.online("olga");
        world.clock.set(Instant.parse("2025-01-06T20:00:00Z"));
        world.reconnect("olga");

        SupportSession s = world.ask("conv1", "Help");

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1), "Welcome",
                "We work 8 to 18, Warsaw time.", world.text("session.outOfHours"));
    }

    @Test
    void a_second_question_continues_the_open_session() {
        channel(c -> { });
        SupportSession first = world.ask("conv1", "Help");
        world.advance(30);

        SupportSession again = world.ask("conv1", "Anyone there?");

        assertThat(again).isSameAs(first);
        assertThat(world.sessions.all()).hasSize(1);
        assertThat(first.lastActivityAt()).isEqualTo(world.now());
        assertThat(first.firstMessage()).isEqualTo("Help");
        assertThat(bot("conv1")).as("no second receipt").hasSize(1);
    }

    @Test
    void open_called_for_a_conversation_that_already_has_a_session_continues_it() {
        channel(c -> { });
        SupportSession first = world.ask("conv1", "Help");
        world.advance(30);

        world.service.open(new SupportQuestion(RoutingWorld.PORTAL,
                "conv1", 2, "Two tabs at once", SupportLocale.EN,
                world.now()));

        assertThat(world.sessions.all()).containsExactly(first);
        assertThat(first.lastActivityAt()).isEqualTo(world.now());
    }

    @Test
    void after_a_close_the_next_question_opens_a_new_session() {
        channel(c -> { });
        world.online("olga");
        SupportSession first = world.ask("conv1", "Help");
        world.service.accept("olga", first.id());
        world.service.close("olga", first.id());

        SupportSession second = world.ask("conv1", "One more thing");

        assertThat(second).isNotSameAs(first);
        assertThat(second.state()).isEqualTo(OFFERED);
        assertThat(second.firstMessage()).isEqualTo("One more thing");
        assertThat(first.state()).isEqualTo(CLOSED);
    }

    // ---- accept ----

    @Test
    void the_offered_operator_takes_the_session() {
        channel(c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.advance(5);
        world.sessionChanges.clear();

        world.service.accept("olga", s.id());

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
        assertThat(system("conv1")).containsExactly(world.text("session.operatorJoined", "Olga Operator"));
        assertThat(world.presence.find("olga").orElseThrow().idleSince()).isEqualTo(world.now());
        assertThat(world.sessionChanges.fired).containsExactly(new SessionChange(s.id(), "conv1", Set.of("ch1")));
        assertThat(world.access.has(s.portalId(), "olga")).as("olga may now read the portal's history").isTrue();
        assertThat(world.access.has(s.portalId(), "piotr")).isFalse();
    }

    @Test
    void in_all_mode_the_first_acceptance_wins_and_the_second_is_refused() {
        channel(c -> c.mode = ALL);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");
        assertThat(s.offeredTo()).containsExactly("olga", "piotr");

        world.service.accept("piotr", s.id());
        refused(Code.SESSION_TAKEN, () -> world.service.accept("olga", s.id()));

        assertThat(s.operator()).contains("piotr");
        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(system("conv1")).containsExactly(world.text("session.operatorJoined", "Piotr Nowak"));
    }

    @Test
    void an_operator_without_the_offer_cannot_take_it() {
        channel(c -> { });
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.service.accept("piotr", s.id()));

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("olga");
    }

    @Test
    void accepting_a_closed_or_unknown_session_is_refused() {
        channel(c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.service.accept("olga", s.id());
        world.service.close("olga", s.id());

        refused(Code.SESSION_CLOSED, () -> world.service.accept("olga", s.id()));
        refused(Code.UNKNOWN_SESSION, () -> world.service.accept("olga", "no-such-session"));
        refused(Code.UNKNOWN_SESSION, () -> world.service.accept("olga", null));
    }

    static Stream<Arguments> capacityAtAcceptance() {
        return Stream.of(
                //           count only answered  olga already holds          refusal (null: accepted)
                Arguments.of(false, List.of(),                                null),
                Arguments.of(false, List.of(ASSIGNED),                        Code.AT_CAPACITY),
                Arguments.of(false, List.of(ANSWERED),                        Code.AT_CAPACITY),
                Arguments.of(true,  List.of(ASSIGNED),                        null),
                Arguments.of(true,  List.of(ANSWERED),                        Code.AT_CAPACITY),
                Arguments.of(true,  List.of(ASSIGNED, ASSIGNED),              null));
    }

    @ParameterizedTest(name = "count only answered: {0}, holding {1} -> {2}")
    @MethodSource
    void capacityAtAcceptance(boolean countOnlyAnswered, List<SupportSessionState> holds, Code refusal) {
        channel(c -> {
            c.mode = MANUAL;
            c.capacity = 1;
            c.countOnlyAnswered = countOnlyAnswered;
        });
        int n = 0;
        for (SupportSessionState state : holds) {
            world.held("held-" + n++, "ch1", "olga", state);
        }
        SupportSession s = world.ask("conv1", "Help");

        if (refusal == null) {
            world.service.accept("olga", s.id());
            assertThat(s.operator()).contains("olga");
        } else {
            refused(refusal, () -> world.service.accept("olga", s.id()));
            assertThat(s.state()).isEqualTo(WAITING);
            assertThat(s.operator()).isEmpty();
            assertThat(system("conv1")).isEmpty();
        }
    }

    @Test
    void an_offer_made_before_the_capacity_was_lowered_cannot_push_the_operator_over_it() {
        channel(c -> c.capacity = 2);
        world.online("olga");
        SupportSession mine = world.ask("conv1", "First");
        world.service.accept("olga", mine.id());
        SupportSession offered = world.ask("conv2", "Second");
        assertThat(offered.offeredTo()).containsExactly("olga");

        world.updateChannel("ch1", c -> c.capacity = 1);

        refused(Code.AT_CAPACITY, () -> world.service.accept("olga", offered.id()));
        assertThat(offered.state()).isEqualTo(OFFERED);
    }

    @Test
    void in_a_manual_channel_a_member_picks_a_waiting_session() {
        channel(c -> c.mode = MANUAL);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");
        assertThat(s.state()).as("nobody is offered anything").isEqualTo(WAITING);

        world.service.accept("piotr", s.id());

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("piotr");
    }

    @Test
    void in_a_manual_channel_a_non_member_cannot_pick() {
        channel(c -> c.mode = MANUAL);
        world.online("zofia");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_A_MEMBER, () -> world.service.accept("zofia", s.id()));

        assertThat(s.state()).isEqualTo(WAITING);
    }

    @Test
    void outside_manual_mode_a_waiting_session_cannot_be_picked() {
        channel(c -> c.mode = STRICT);
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.service.accept("olga", s.id()));

        assertThat(s.state()).isEqualTo(WAITING);
    }

    // ---- skip ----

    @Test
    void a_skip_moves_the_offer_to_the_next_operator() {
        channel(c -> c.mode = STRICT);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");
        world.advance(3);

        world.service.skip("olga", s.id());

        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(s.offeredAt()).contains(world.now());
    }

    @Test
    void only_an_operator_with_the_offer_can_skip_it() {
        channel(c -> c.mode = STRICT);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.service.skip("piotr", s.id()));

        assertThat(s.offeredTo()).containsExactly("olga");
    }

    // ---- reply ----

    private SupportSession takenBy(String operator, String conversationId) {
        world.online(operator);
        SupportSession s = world.ask(conversationId, "Help");
        if (s.state() == WAITING) {
            throw new IllegalStateException("test setup: the session was not offered");
        }
        world.service.accept(operator, s.id());
        return s;
    }

    @Test
    void the_first_reply_answers_the_session() {
        channel(c -> c.operators("olga"));
        SupportSession s = takenBy("olga", "conv1");
        world.advance(20);
        world.sessionChanges.clear();

        PostedMessage posted = world.service.reply("olga", s.id(), "m1", "Let me check.");

        assertThat(posted.duplicate()).isFalse();
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(s.lastActivityAt()).isEqualTo(world.now());
        assertThat(world.chat.of("conv1")).filteredOn(m -> m.kind() == AuthorKind.STAFF)
                .extracting(RecordingChat.Stored::author, RecordingChat.Stored::text)
                .containsExactly(tuple("Olga Operator", "Let me check."));
        assertThat(world.sessionChanges.fired).hasSize(1);

        world.service.reply("olga", s.id(), "m2", "Done.");
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(world.sessionChanges.fired).as("later replies do not move the session").hasSize(1);
    }

    @Test
    void a_resent_reply_is_recognised_and_changes_nothing() {
        channel(c -> c.operators("olga"));
        SupportSession s = takenBy("olga", "conv1");
        world.service.reply("olga", s.id(), "m1", "Let me check.");
        Instant answeredAt = s.lastActivityAt();
        world.advance(20);

        PostedMessage again = world.service.reply("olga", s.id(), "m1", "Let me check.");

        assertThat(again.duplicate()).isTrue();
        assertThat(s.lastActivityAt()).isEqualTo(answeredAt);
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).containsExactly("Let me check.");
    }

    @Test
    void only_the_owner_replies() {
        channel(c -> c.operators("olga", "piotr"));
        SupportSession s = takenBy("olga", "conv1");

        refused(Code.NOT_YOURS, () -> world.service.reply("piotr", s.id(), "m1", "Hi"));

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).isEmpty();
    }

    @Test
    void nobody_replies_to_a_closed_or_unassigned_session() {
        channel(c -> c.operators("olga"));
        SupportSession closed = takenBy("olga", "conv1");
        world.service.close("olga", closed.id());
        SupportSession waiting = world.ask("conv2", "Help");

        refused(Code.SESSION_CLOSED, () -> world.service.reply("olga", closed.id(), "m1", "Hi"));
        refused(Code.NOT_YOURS, () -> world.service.reply("olga", waiting.id(), "m2", "Hi"));
        assertThat(world.chat.texts("conv1", AuthorKind.STAFF)).isEmpty();
        assertThat(world.chat.texts("conv2", AuthorKind.STAFF)).isEmpty();
    }

    // ---- transfer ----

    @Test
    void a_transfer_to_an_operator_is_offered_to_them_only() {
        channel(c -> c.operators("olga", "anna", "piotr"));
        SupportSession s = takenBy("olga", "conv1");
        world.online("anna", "piotr");
        world.sessionChanges.clear();

        world.service.transfer("olga", s.id(), "piotr", null, "  Licence renewal  ");

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(s.operator()).isEmpty();
        assertThat(s.note()).contains("Licence renewal");
        assertThat(system("conv1")).endsWith(world.text("session.transferred"));
        assertThat(world.sessionChanges.fired).containsExactly(new SessionChange(s.id(), "conv1", Set.of("ch1")));
    }

    @Test
    void a_transfer_to_a_channel_moves_the_session_to_its_queue() {
        channel(c -> c.operators("olga"));
        world.channel("ch2", c -> {
            c.name = "Sales";
            c.language = "pl";
            c.operators("zofia");
        });
        SupportSession s = takenBy("olga", "conv1");
        world.online("zofia");
        world.sessionChanges.clear();

        world.service.transfer("olga", s.id(), null, "ch2", null);

        assertThat(s.channelId()).isEqualTo("ch2");
        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("zofia");
        assertThat(s.note()).isEmpty();
        assertThat(system("conv1")).endsWith(world.text("session.transferredChannel"));
        assertThat(world.sessionChanges.fired)
                .containsExactly(new SessionChange(s.id(), "conv1", Set.of("ch1", "ch2")));
    }

    @Test
    void a_transfer_frees_the_operator_for_the_next_waiting_session_of_the_old_channel() {
        channel(c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        world.channel("ch2", c -> {
            c.name = "Sales";
            c.language = "pl";
            c.operators("zofia");
        });
        SupportSession s = takenBy("olga", "conv1");
        SupportSession next = world.ask("conv2", "Waiting");
        assertThat(next.state()).isEqualTo(WAITING);

        world.service.transfer("olga", s.id(), null, "ch2", null);

        assertThat(next.state()).isEqualTo(OFFERED);
        assertThat(next.offeredTo()).containsExactly("olga");
    }

    static Stream<Arguments> invalidTransfers() {
        return Stream.of(
                Arguments.of("both an operator and a channel", "olga", "piotr", "ch2", null,
                        Code.INVALID_TRANSFER),
                Arguments.of("neither", "olga", null, null, null, Code.INVALID_TRANSFER),
                Arguments.of("blank names", "olga", " ", "", null, Code.INVALID_TRANSFER),
                Arguments.of("to oneself", "olga", "olga", null, null, Code.INVALID_TRANSFER),
                Arguments.of("a note over 1000 characters", "olga", "piotr", null, "n".repeat(1001),
                        Code.INVALID_TRANSFER),
                Arguments.of("to a manager who is no operator", "olga", "mark", null, null, Code.UNKNOWN_OPERATOR),
                Arguments.of("to nobody known", "olga", "ghost", null, null, Code.UNKNOWN_OPERATOR),
                Arguments.of("to an operator who is away", "olga", "anna", null, null, Code.TARGET_UNAVAILABLE),
                Arguments.of("to an operator who never connected", "olga", "zofia", null, null,
                        Code.TARGET_UNAVAILABLE),
                Arguments.of("to its own channel", "olga", null, "ch1", null, Code.INVALID_TRANSFER),
                Arguments.of("to an unknown channel", "olga", null, "nope", null, Code.UNKNOWN_CHANNEL),
                Arguments.of("to a switched-off channel", "olga", null, "off", null, Code.UNKNOWN_CHANNEL),
                Arguments.of("by someone who does not hold it", "piotr", "anna", null, null, Code.NOT_YOURS));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @MethodSource
    void invalidTransfers(String description, String by, String toOperator, String toChannel, String note,
                          Code code) {
        channel(c -> c.operators("olga", "piotr", "anna"));
        world.channel("ch2", c -> {
            c.name = "Sales";
            c.language = "pl";
        });
        world.channel("off", c -> {
            c.name = "Old";
            c.language = "pl";
            c.enabled = false;
        });
        SupportSession s = takenBy("olga", "conv1");
        world.online("piotr");
        world.status("anna", PresenceStatus.AWAY);
        int messages = world.chat.stored.size();

        refused(code, () -> world.service.transfer(by, s.id(), toOperator, toChannel, note));

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(world.chat.stored).hasSize(messages);
    }

    // ---- close ----

    @Test
    void the_owner_closes_the_session_and_the_administrator_is_asked_to_rate_it() {
        channel(c -> c.operators("olga"));
        SupportSession s = takenBy("olga", "conv1");
        world.advance(60);

        world.service.close("olga", s.id());

        assertThat(s.state()).isEqualTo(CLOSED);
        assertThat(s.closedAt()).contains(world.now());
        assertThat(s.voteOpen()).isTrue();
        assertThat(system("conv1")).endsWith(world.text("session.closed"));
        assertThat(bot("conv1")).endsWith(world.text("session.votePlease"));
        long lastSeq = world.chat.of("conv1").get(world.chat.of("conv1").size() - 1).seq();
        assertThat(s.lastSeq()).contains(lastSeq);
    }

    @Test
    void without_a_vote_the_close_note_ends_the_session() {
        channel(c -> {
            c.operators("olga");
            c.voteOnClose = false;
        });
        SupportSession s = takenBy("olga", "conv1");

        world.service.close("olga", s.id());

        assertThat(s.voteOpen()).isFalse();
        RecordingChat.Stored last = world.chat.of("conv1").get(world.chat.of("conv1").size() - 1);
        assertThat(last.text()).isEqualTo(world.text("session.closed"));
        assertThat(s.lastSeq()).contains(last.seq());
        assertThat(bot("conv1")).doesNotContain(world.text("session.votePlease"));
    }

    @Test
    void closing_frees_capacity_and_the_next_waiting_session_is_offered() {
        channel(c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        SupportSession first = takenBy("olga", "conv1");
        world.advance(1);
        SupportSession second = world.ask("conv2", "Second");
        world.advance(1);
        SupportSession third = world.ask("conv3", "Third");
        assertThat(second.state()).isEqualTo(WAITING);

        world.service.close("olga", first.id());

        assertThat(second.state()).isEqualTo(OFFERED);
        assertThat(second.offeredTo()).containsExactly("olga");
        assertThat(third.state()).isEqualTo(WAITING);
    }

    @Test
    void a_member_may_close_an_unassigned_session_of_their_channel_but_nobody_else() {
        channel(c -> c.operators("olga", "piotr"));
        world.online("zofia");
        SupportSession s = world.ask("conv1", "spam");

        refused(Code.NOT_YOURS, () -> world.service.close("zofia", s.id()));
        assertThat(s.isOpen()).isTrue();

        world.service.close("piotr", s.id());
        assertThat(s.state()).isEqualTo(CLOSED);
    }

    @Test
    void only_the_owner_closes_a_held_session_and_only_once() {
        channel(c -> c.operators("olga", "piotr"));
        SupportSession s = takenBy("olga", "conv1");

        refused(Code.NOT_YOURS, () -> world.service.close("piotr", s.id()));
        assertThat(s.state()).isEqualTo(ASSIGNED);

        world.service.close("olga", s.id());
        refused(Code.SESSION_CLOSED, () -> world.service.close("olga", s.id()));
    }

    // ---- vote ----

    private SupportSession closedSession() {
        channel(c -> c.operators("olga"));
        SupportSession s = takenBy("olga", "conv1");
        world.service.close("olga", s.id());
        return s;
    }

    @Test
    void the_administrator_rates_a_closed_session_once() {
        SupportSession s = closedSession();

        world.service.vote("conv1", s.id(), "like", "  Great help  ");

        assertThat(s.vote()).contains(Vote.LIKE);
        assertThat(s.voteComment()).contains("Great help");
        assertThat(bot("conv1")).endsWith(world.text("session.voteThanks"));

        refused(Code.VOTE_NOT_OPEN, () -> world.service.vote("conv1", s.id(), "dislike", null));
        assertThat(s.vote()).contains(Vote.LIKE);
    }

    @Test
    void no_vote_before_the_close() {
        channel(c -> c.operators("olga"));
        SupportSession s = takenBy("olga", "conv1");

        refused(Code.VOTE_NOT_OPEN, () -> world.service.vote("conv1", s.id(), "like", null));

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

        refused(code, () -> world.service.vote(conversationId, s.id(), value, comment));

        assertThat(s.vote()).isEmpty();
        assertThat(s.voteOpen()).isTrue();
    }

    @Test
    void a_comment_of_exactly_1000_characters_is_taken() {
        SupportSession s = closedSession();

        world.service.vote("conv1", s.id(), "dislike", "c".repeat(1000));

        assertThat(s.vote()).contains(Vote.DISLIKE);
    }

    @Test
    void no_vote_when_the_channel_does_not_ask_for_one() {
        channel(c -> {
            c.operators("olga");
            c.voteOnClose = false;
        });
        SupportSession s = takenBy("olga", "conv1");
        world.service.close("olga", s.id());

        refused(Code.VOTE_NOT_OPEN, () -> world.service.vote("conv1", s.id(), "like", null));
    }

    @Test
    void continue_open_tells_whether_the_conversation_has_an_open_session() {
        channel(c -> c.operators("olga"));
        var question = new SupportQuestion(RoutingWorld.PORTAL,
                "conv9", 1, "Hello", SupportLocale.EN, world.now());

        assertThat(world.service.continueOpen(question)).isFalse();

        world.ask("conv9", "Hello");
        assertThat(world.service.continueOpen(question)).isTrue();
    }

    @Test
    void a_switched_off_channel_keeps_the_question_and_offers_it_to_nobody() {
        channel(c -> c.enabled = false);
        world.online("olga");

        SupportSession s = world.ask("conv1", "Help");

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(bot("conv1")).containsExactly(world.text("session.received", 1));
    }
}
