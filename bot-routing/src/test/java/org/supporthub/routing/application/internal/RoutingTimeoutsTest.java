package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.routing.domain.model.RoutingMode.ALL;
import static org.supporthub.routing.domain.model.RoutingMode.EVENLY;
import static org.supporthub.routing.domain.model.RoutingMode.STRICT;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * The routing beat against a clock moved by hand. Operators brought online keep pinging as the clock
 * moves (see {@link RoutingWorld}); the silence limit is 60 s and the grace 120 s.
 */
class RoutingTimeoutsTest {

    private final RoutingWorld world = new RoutingWorld();

    /** One step of a timeline: at this many seconds after the start, the session is offered to these operators. */
    record At(long second, List<String> offeredTo) {
        @Override
        public String toString() {
            return second + " s: " + offeredTo;
        }
    }

    private static At at(long second, String... offeredTo) {
        return new At(second, List.of(offeredTo));
    }

    /** Runs the beat at each step's second and checks whom the session is offered to then. */
    private void timeline(SupportSession s, Instant start, List<At> steps) {
        for (At step : steps) {
            world.advance(start.plusSeconds(step.second()).getEpochSecond() - world.now().getEpochSecond());
            world.timeouts.beat();
            assertThat(s.offeredTo()).as("offered to at %s s", step.second()).containsExactlyElementsOf(
                    step.offeredTo());
            assertThat(s.state()).as("state at %s s", step.second())
                    .isEqualTo(step.offeredTo().isEmpty() ? WAITING : OFFERED);
        }
    }

    static Stream<Arguments> queueTime() {
        return Stream.of(
                Arguments.of(STRICT, List.of(
                        at(0, "olga"), at(29, "olga"),
                        at(30, "piotr"), at(59, "piotr"),
                        at(60, "anna"), at(89, "anna"),
                        // Everyone was tried: the session waits one more queue time, then a new round starts.
                        at(90), at(119),
                        at(120, "olga"), at(150, "piotr"))),
                Arguments.of(EVENLY, List.of(
                        // Longest idle first: anna came online first, then piotr, then olga.
                        at(0, "anna"), at(30, "piotr"), at(60, "olga"), at(90), at(120, "anna"))),
                Arguments.of(ALL, List.of(
                        // Everyone at once; when the queue time passes, everyone again.
                        at(0, "olga", "piotr", "anna"), at(29, "olga", "piotr", "anna"),
                        at(30, "olga", "piotr", "anna"), at(60, "olga", "piotr", "anna"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void queueTime(RoutingMode mode, List<At> steps) {
        world.channel("ch1", c -> {
            c.mode = mode;
            c.queueTimeSeconds = 30;
        });
        world.online("anna");
        world.advance(1);
        world.online("piotr");
        world.advance(1);
        world.online("olga");
        Instant start = world.now();
        SupportSession s = world.ask("conv1", "Help");

        timeline(s, start, steps);
    }

    @Test
    void a_lapsed_offer_restarts_the_queue_time_for_the_next_operator() {
        world.channel("ch1", c -> c.queueTimeSeconds = 30);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");

        world.advanceAndBeat(30);

        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(s.offeredAt()).contains(world.now());
        assertThat(s.tried()).containsExactlyInAnyOrder("olga", "piotr");
    }

    @Test
    void in_all_mode_the_operators_who_skipped_get_the_next_round_with_the_others() {
        world.channel("ch1", c -> {
            c.mode = ALL;
            c.queueTimeSeconds = 30;
        });
        world.online("olga", "piotr");
        Instant start = world.now();
        SupportSession s = world.ask("conv1", "Help");
        world.advance(5);
        world.assignment.skip("piotr", s.id());
        assertThat(s.offeredTo()).containsExactly("olga");

        timeline(s, start, List.of(at(29, "olga"), at(30, "olga", "piotr")));
        assertThat(s.offeredAt()).contains(start.plusSeconds(30));
    }

    @Test
    void in_all_mode_when_everyone_skipped_the_session_waits_one_queue_time_from_the_last_skip() {
        world.channel("ch1", c -> {
            c.mode = ALL;
            c.queueTimeSeconds = 30;
        });
        world.online("olga", "piotr");
        Instant start = world.now();
        SupportSession s = world.ask("conv1", "Help");
        world.advance(5);
        world.assignment.skip("olga", s.id());
        world.assignment.skip("piotr", s.id());
        assertThat(s.state()).isEqualTo(WAITING);

        timeline(s, start, List.of(at(6), at(34), at(35, "olga", "piotr")));
    }

    // ---- operators who go away ----

    /** olga holds conv1's session and has an offer of conv2's; piotr is not online yet. */
    private SupportSession[] olgaHoldsOneAndIsOfferedAnother() {
        world.channel("ch1", c -> {
            c.operators("olga", "piotr");
            c.capacity = 2;
            c.queueTimeSeconds = 600;
        });
        world.online("olga");
        SupportSession held = world.ask("conv1", "First");
        world.assignment.accept("olga", held.id());
        world.conversation.reply("olga", held.id(), "m1", "Hello");
        SupportSession offered = world.ask("conv2", "Second");
        assertThat(offered.offeredTo()).containsExactly("olga");
        return new SupportSession[] {held, offered};
    }

    @Test
    void a_disconnected_operator_loses_offers_at_once_and_sessions_after_the_grace() {
        SupportSession[] s = olgaHoldsOneAndIsOfferedAnother();
        SupportSession held = s[0];
        SupportSession offered = s[1];

        world.disconnect("olga");
        world.timeouts.beat();

        assertThat(offered.state()).as("the offer is withdrawn at once").isEqualTo(WAITING);
        assertThat(offered.offeredTo()).isEmpty();
        assertThat(held.state()).as("the session waits for olga").isEqualTo(ANSWERED);
        assertThat(held.operator()).contains("olga");

        world.online("piotr");
        world.advanceAndBeat(10);
        assertThat(offered.offeredTo()).containsExactly("piotr");

        world.advanceAndBeat(RoutingWorld.GRACE.getSeconds() - 11);
        assertThat(held.operator()).as("one second before the grace ends").contains("olga");
        assertThat(world.chat.texts("conv1", AuthorKind.SYSTEM))
                .doesNotContain(world.text("session.operatorLost", "Olga Operator"));

        world.sessionChanges.clear();
        world.advanceAndBeat(1);
        assertThat(held.operator()).isEmpty();
        assertThat(held.state()).as("back in the queue and offered to whoever is there").isEqualTo(OFFERED);
        assertThat(held.offeredTo()).containsExactly("piotr");
        assertThat(world.chat.texts("conv1", AuthorKind.SYSTEM))
                .endsWith(world.text("session.operatorLost", "Olga Operator"));
        assertThat(world.sessionChanges.fired).contains(new SessionChange(held.id(), "conv1", Set.of("ch1")));
    }

    @Test
    void a_lost_session_waits_in_the_queue_when_nobody_else_is_there() {
        SupportSession held = olgaHoldsOneAndIsOfferedAnother()[0];

        world.disconnect("olga");
        world.advanceAndBeat(RoutingWorld.GRACE.getSeconds());

        assertThat(held.state()).isEqualTo(WAITING);
        assertThat(held.operator()).isEmpty();
        assertThat(held.tried()).as("a new round: once back, olga may be offered it again").isEmpty();
        assertThat(held.state()).as("nobody else is available").isEqualTo(WAITING);
        assertThat(held.askedAt()).as("keeps its place in the queue").isEqualTo(RoutingWorld.START);
    }

    @Test
    void an_operator_who_comes_back_within_the_grace_keeps_their_sessions() {
        SupportSession held = olgaHoldsOneAndIsOfferedAnother()[0];

        world.disconnect("olga");
        world.advanceAndBeat(100);
        world.reconnect("olga");
        world.advanceAndBeat(100);
        world.advanceAndBeat(300);

        assertThat(held.state()).isEqualTo(ANSWERED);
        assertThat(held.operator()).contains("olga");
        assertThat(world.chat.texts("conv1", AuthorKind.SYSTEM))
                .doesNotContain(world.text("session.operatorLost", "Olga Operator"));
    }

    @Test
    void a_silent_console_counts_as_gone_once_the_silence_limit_passes() {
        SupportSession[] s = olgaHoldsOneAndIsOfferedAnother();
        SupportSession held = s[0];
        SupportSession offered = s[1];
        world.fallSilent("olga");

        world.advanceAndBeat(59);
        assertThat(offered.offeredTo()).containsExactly("olga");

        world.advanceAndBeat(1);
        assertThat(offered.state()).isEqualTo(WAITING);
        assertThat(held.operator()).contains("olga");

        world.advanceAndBeat(RoutingWorld.GRACE.getSeconds() - 1);
        assertThat(held.operator()).contains("olga");

        world.advanceAndBeat(1);
        assertThat(held.state()).isEqualTo(WAITING);
        assertThat(world.chat.texts("conv1", AuthorKind.SYSTEM))
                .endsWith(world.text("session.operatorLost", "Olga Operator"));
    }

    @Test
    void going_away_withdraws_offers_but_keeps_the_sessions_held() {
        SupportSession[] s = olgaHoldsOneAndIsOfferedAnother();
        SupportSession held = s[0];
        SupportSession offered = s[1];

        world.status("olga", PresenceStatus.AWAY);
        world.timeouts.beat();

        assertThat(offered.state()).isEqualTo(WAITING);
        world.advanceAndBeat(3600);
        assertThat(held.operator()).contains("olga");
        assertThat(held.state()).isEqualTo(ANSWERED);
        assertThat(offered.state()).as("nobody online to offer it to").isEqualTo(WAITING);
    }

    // ---- auto-close ----

    @Test
    void a_quiet_session_closes_by_itself_and_the_next_waiting_one_is_offered() {
        world.channel("ch1", c -> {
            c.operators("olga");
            c.capacity = 1;
            c.autoCloseMinutes = 10;
        });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.assignment.accept("olga", s.id());
        world.advance(60);
        world.conversation.reply("olga", s.id(), "m1", "Looking into it");
        SupportSession next = world.ask("conv2", "Me too");
        assertThat(next.state()).isEqualTo(WAITING);

        world.advanceAndBeat(10 * 60 - 1);
        assertThat(s.state()).isEqualTo(ANSWERED);

        world.advanceAndBeat(1);
        assertThat(s.state()).isEqualTo(CLOSED);
        assertThat(s.closedAt()).contains(world.now());
        assertThat(world.chat.texts("conv1", AuthorKind.SYSTEM)).endsWith(world.text("session.autoClosed"));
        assertThat(s.outcome()).contains(org.supporthub.routing.domain.model.session.SessionOutcome.AUTO_CLOSED);
        assertThat(world.chat.texts("conv1", AuthorKind.BOT)).endsWith(world.text("session.votePlease"));
        assertThat(s.voteOpen()).isTrue();
        assertThat(next.offeredTo()).containsExactly("olga");
    }

    @Test
    void the_administrator_writing_keeps_the_session_alive() {
        world.channel("ch1", c -> {
            c.operators("olga");
            c.autoCloseMinutes = 10;
        });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.assignment.accept("olga", s.id());

        world.advanceAndBeat(9 * 60);
        world.ask("conv1", "Still there?");
        world.advanceAndBeat(9 * 60);
        assertThat(s.state()).isEqualTo(ASSIGNED);

        world.advanceAndBeat(60);
        assertThat(s.state()).isEqualTo(CLOSED);
    }

    static Stream<Arguments> neverAutoClosed() {
        return Stream.of(
                Arguments.of("auto-close off, held for a week", 0, true),
                Arguments.of("auto-close on, but nobody holds the session", 10, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void neverAutoClosed(String description, int autoCloseMinutes, boolean held) {
        world.channel("ch1", c -> {
            c.operators("olga");
            c.mode = held ? STRICT : RoutingMode.MANUAL;
            c.autoCloseMinutes = autoCloseMinutes;
        });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        if (held) {
            world.assignment.accept("olga", s.id());
        }

        world.advanceAndBeat(7 * 24 * 3600);

        assertThat(s.isOpen()).isTrue();
        assertThat(s.state()).isEqualTo(held ? ASSIGNED : WAITING);
    }

    // ---- the queue drains ----

    @Test
    void the_queue_drains_when_an_operator_comes_online() {
        world.channel("ch1", c -> { });
        SupportSession s = world.ask("conv1", "Help");
        world.advanceAndBeat(5);
        assertThat(s.state()).isEqualTo(WAITING);

        world.online("piotr");
        assertThat(world.presenceChanges.fired).containsExactly("piotr");
        assertThat(s.state()).as("offered on the next beat, not by the status change").isEqualTo(WAITING);
        world.sessionChanges.clear();
        world.timeouts.beat();

        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(world.sessionChanges.fired).containsExactly(new SessionChange(s.id(), "conv1",
                Set.of("ch1")));
    }

    @Test
    void the_queue_drains_when_the_capacity_is_raised() {
        world.channel("ch1", c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        world.online("olga");
        SupportSession first = world.ask("conv1", "First");
        world.assignment.accept("olga", first.id());
        SupportSession second = world.ask("conv2", "Second");
        world.advanceAndBeat(5);
        assertThat(second.state()).isEqualTo(WAITING);

        world.updateChannel("ch1", c -> c.capacity = 2);
        world.timeouts.beat();

        assertThat(second.offeredTo()).containsExactly("olga");
    }

    @Test
    void the_queue_drains_when_the_working_hours_begin() {
        world.clock.set(Instant.parse("2025-01-06T06:30:00Z"));
        world.channel("ch1", c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Early bird");
        assertThat(world.chat.texts("conv1", AuthorKind.BOT)).endsWith(world.text("session.outOfHours"),
                world.text("session.laterOffer"));

        world.advanceAndBeat(29 * 60 + 59);
        assertThat(s.state()).as("07:59:59 in Warsaw").isEqualTo(WAITING);

        world.advanceAndBeat(1);
        assertThat(s.offeredTo()).as("08:00 in Warsaw").containsExactly("olga");
    }

    @Test
    void a_beat_with_nothing_to_do_announces_nothing() {
        world.channel("ch1", c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.assignment.accept("olga", s.id());
        world.sessionChanges.clear();

        world.advanceAndBeat(10);

        assertThat(world.sessionChanges.fired).isEmpty();
        assertThat(s.state()).isEqualTo(ASSIGNED);
    }
}
