package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * How a question enters support, through the intake service, on in-memory storage. Questions arrive the
 * way the chat hands them over ({@link QuestionRouting}); the channel {@code ch1} serves the English portal
 * with olga, piotr and anna, in that order.
 */
class DefaultSessionIntakeServiceTest {

    private final RoutingWorld world = new RoutingWorld();

    private void channel(Consumer<RoutingWorld.ChannelSpec> customize) {
        world.channel("ch1", customize);
    }

    // ---- an acknowledged question always ends in a session or an explanation ----

    @Test
    void a_question_no_channel_serves_is_explained_and_no_longer_awaits_routing() {
        world.conversations.store(new org.supporthub.core.domain.model.conversation.Conversation("conv1",
                RoutingWorld.PORTAL, "user-conv1", "Admin conv1", world.now()));

        world.routing.asked(new SupportQuestion(RoutingWorld.PORTAL, "conv1", 7, "Help", SupportLocale.EN,
                world.now()));

        assertThat(world.sessions.openOfConversation("conv1")).isEmpty();
        assertThat(world.bot("conv1")).containsExactly(world.text("session.noChannel"));
        assertThat(world.conversations.routed).containsExactly("conv1#7");
    }

    @Test
    void a_routed_question_no_longer_awaits_routing_whether_it_opens_or_continues_a_session() {
        channel(c -> { });
        world.ask("conv1", "Help");
        world.ask("conv1", "More detail");
        // The bot's note after the first question took a number of the conversation too.
        long second = world.chat.administratorWrites("conv1") - 1;
        assertThat(second).isGreaterThan(2);
        assertThat(world.conversations.routed).containsExactly("conv1#1", "conv1#" + second);
    }

    /**
     * The administrator writes while the session is open; the operator closes it before that message is
     * routed. The message was part of the closed session (below its last seq): it must not open a new one.
     * Two instances on one database met this race (TwoInstancesIT), and a session nobody asked for appeared.
     */
    @Test
    void a_message_written_before_the_close_but_routed_after_it_opens_no_session() {
        channel(c -> { });
        SupportSession closed = world.takenBy("olga", "conv1");
        world.conversation.close("olga", closed.id());
        long last = closed.lastSeq().orElseThrow();
        world.conversations.routed.clear();

        world.routing.asked(new SupportQuestion(RoutingWorld.PORTAL, "conv1", last - 1, "Thanks!", SupportLocale.EN,
                world.now()));

        assertThat(world.sessions.openOfConversation("conv1")).isEmpty();
        assertThat(world.conversations.routed).containsExactly("conv1#" + (last - 1));

        // A message written after the close is a new question.
        world.routing.asked(new SupportQuestion(RoutingWorld.PORTAL, "conv1", last + 1, "One more thing",
                SupportLocale.EN, world.now()));
        assertThat(world.sessions.openOfConversation("conv1")).isPresent()
                .get().extracting(SupportSession::firstSeq).isEqualTo(last + 1);
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
        assertThat(world.bot("conv1")).containsExactly(world.text("triage.notCovered", FakeTriage.CUSTOM_MODULE.english()));
        assertThat(world.chat.offeredActions).containsValue(List.of("send-anyway"));
        // Held questions wait for the administrator, not in the queue: the next question is first in line.
        SupportSession other = world.ask("conv2", "Something else");
        assertThat(world.bot("conv2")).containsExactly(world.text("session.received", 1));
        assertThat(other.held()).isFalse();
    }

    @Test
    void send_anyway_puts_the_held_question_in_the_queue_and_it_is_offered() {
        channel(c -> { });
        world.online("olga");
        world.triage.answer("Can you write a custom module for us?", FakeTriage.CUSTOM_MODULE, 0.9);
        SupportSession s = world.ask("conv1", "Can you write a custom module for us?");

        world.advance(45);
        world.intake.sendAnyway("conv1");

        assertThat(s.held()).isFalse();
        assertThat(s.sentAnyway()).isTrue();
        assertThat(s.queuedAt()).as("queued when sent, not when asked").contains(world.now());
        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("olga");
        assertThat(world.bot("conv1")).last().isEqualTo(world.text("session.received", 1));
    }

    @Test
    void send_anyway_without_a_held_question_says_so() {
        channel(c -> { });
        world.ask("conv1", "An ordinary question");

        world.intake.sendAnyway("conv1");

        assertThat(world.bot("conv1")).last().isEqualTo(world.text("triage.nothingHeld"));
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
        // Nobody is online: the bot also offers to leave the question for later (issue 13).
        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1),
                world.text("session.laterOffer"), world.text("triage.limited", FakeTriage.DATABASE_ERRORS.english()));
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
        // Nobody is online: the bot also offers to leave the question for later (issue 13).
        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1),
                world.text("session.laterOffer"));
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
        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1));
        assertThat(world.bot("conv2")).containsExactly(world.text("session.received", 2));
        assertThat(world.bot("conv3")).containsExactly(world.text("session.received", 3));
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

        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1), "Hello from the support team!",
                world.text("session.laterOffer"));
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
        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1), "Welcome",
                "We work 8 to 18, Warsaw time.", world.text("session.outOfHours"), world.text("session.laterOffer"));
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
        assertThat(world.bot("conv1")).as("no second receipt (nor a second offer to leave it for later)")
                .containsExactly(world.text("session.received", 1), world.text("session.laterOffer"));
    }

    @Test
    void open_called_for_a_conversation_that_already_has_a_session_continues_it() {
        channel(c -> { });
        SupportSession first = world.ask("conv1", "Help");
        world.advance(30);

        world.intake.open(new SupportQuestion(RoutingWorld.PORTAL,
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
        world.assignment.accept("olga", first.id());
        world.conversation.close("olga", first.id());

        SupportSession second = world.ask("conv1", "One more thing");

        assertThat(second).isNotSameAs(first);
        assertThat(second.state()).isEqualTo(OFFERED);
        assertThat(second.firstMessage()).isEqualTo("One more thing");
        assertThat(first.state()).isEqualTo(CLOSED);
    }

    @Test
    void continue_open_tells_whether_the_conversation_has_an_open_session() {
        channel(c -> c.operators("olga"));
        var question = new SupportQuestion(RoutingWorld.PORTAL,
                "conv9", 1, "Hello", SupportLocale.EN, world.now());

        assertThat(world.intake.continueOpen(question)).isFalse();

        world.ask("conv9", "Hello");
        assertThat(world.intake.continueOpen(question)).isTrue();
    }

    @Test
    void a_switched_off_channel_keeps_the_question_and_offers_it_to_nobody() {
        channel(c -> c.enabled = false);
        world.online("olga");

        SupportSession s = world.ask("conv1", "Help");

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(world.bot("conv1")).containsExactly(world.text("session.received", 1));
    }
}
