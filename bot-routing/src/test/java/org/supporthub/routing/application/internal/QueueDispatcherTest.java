package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.routing.application.internal.RoutingWorld.START;
import static org.supporthub.routing.domain.model.RoutingMode.ALL;
import static org.supporthub.routing.domain.model.RoutingMode.EVENLY;
import static org.supporthub.routing.domain.model.RoutingMode.MANUAL;
import static org.supporthub.routing.domain.model.RoutingMode.STRICT;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.SessionEnd;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * The dispatcher on its own: sessions and presence rows are written straight into storage, then one
 * {@code dispatch} runs at {@link RoutingWorld#START} (Monday 11:00 in Warsaw, inside the hours) unless a
 * row says otherwise. The channel's operators are olga, piotr and anna, in that order.
 */
class QueueDispatcherTest {

    private final RoutingWorld world = new RoutingWorld();

    /**
     * How an operator's console stands at the moment of dispatch.
     * {@code NO_ROW}: the operator never connected.
     */
    enum Console { ONLINE, AWAY, OFFLINE, JUST_UNDER_SILENCE, SILENT, DISCONNECTED, NO_ROW }

    /** One operator's presence in a row of a table: how their console stands, idle since how many minutes. */
    record Op(String username, Console console, int idleMinutes) {
        @Override
        public String toString() {
            return username + " " + console + (idleMinutes > 0 ? " idle " + idleMinutes + " min" : "");
        }
    }

    private static Op op(String username, Console console) {
        return new Op(username, console, 0);
    }

    private static Op idle(String username, int minutes) {
        return new Op(username, Console.ONLINE, minutes);
    }

    private void present(Instant at, Op... ops) {
        for (Op op : ops) {
            Instant idleSince = at.minusSeconds(60L * op.idleMinutes()).minusSeconds(1);
            switch (op.console()) {
                case ONLINE -> world.presence(op.username(), PresenceStatus.ONLINE, at, null, idleSince);
                case AWAY -> world.presence(op.username(), PresenceStatus.AWAY, at, null, idleSince);
                case OFFLINE -> world.presence(op.username(), PresenceStatus.OFFLINE, at, null, idleSince);
                case JUST_UNDER_SILENCE -> world.presence(op.username(), PresenceStatus.ONLINE,
                        at.minus(RoutingWorld.SILENCE).plusSeconds(1), null, idleSince);
                case SILENT -> world.presence(op.username(), PresenceStatus.ONLINE,
                        at.minus(RoutingWorld.SILENCE), null, idleSince);
                case DISCONNECTED -> world.presence(op.username(), PresenceStatus.ONLINE, at.minusSeconds(5),
                        at.minusSeconds(1), idleSince);
                case NO_ROW -> {
                    // nothing stored
                }
            }
        }
    }

    private OpenChannel channel(RoutingMode mode) {
        return world.channel("ch1", c -> c.mode = mode);
    }

    private List<SupportSession> dispatch(OpenChannel channel) {
        return world.dispatcher.dispatch(channel, START);
    }

    static Stream<Arguments> whomEachModeOffers() {
        return Stream.of(
                Arguments.of(STRICT, List.of(op("olga", Console.ONLINE), op("piotr", Console.ONLINE),
                        op("anna", Console.ONLINE)), List.of("olga")),
                Arguments.of(STRICT, List.of(op("olga", Console.AWAY), op("piotr", Console.ONLINE),
                        op("anna", Console.ONLINE)), List.of("piotr")),
                Arguments.of(STRICT, List.of(op("olga", Console.OFFLINE), op("piotr", Console.SILENT),
                        op("anna", Console.ONLINE)), List.of("anna")),
                Arguments.of(STRICT, List.of(op("olga", Console.DISCONNECTED), op("piotr", Console.NO_ROW),
                        op("anna", Console.ONLINE)), List.of("anna")),
                Arguments.of(STRICT, List.of(op("olga", Console.JUST_UNDER_SILENCE), op("piotr", Console.ONLINE)),
                        List.of("olga")),
                Arguments.of(STRICT, List.of(op("olga", Console.AWAY), op("piotr", Console.OFFLINE),
                        op("anna", Console.SILENT)), List.of()),
                Arguments.of(EVENLY, List.of(idle("olga", 10), idle("piotr", 30), idle("anna", 20)),
                        List.of("piotr")),
                Arguments.of(EVENLY, List.of(idle("olga", 10), new Op("piotr", Console.AWAY, 30), idle("anna", 20)),
                        List.of("anna")),
                Arguments.of(EVENLY, List.of(idle("olga", 10), new Op("piotr", Console.SILENT, 30),
                        new Op("anna", Console.DISCONNECTED, 20)), List.of("olga")),
                Arguments.of(EVENLY, List.of(idle("olga", 5), idle("piotr", 5), idle("anna", 5)),
                        List.of("olga")),
                Arguments.of(ALL, List.of(op("olga", Console.ONLINE), op("piotr", Console.ONLINE),
                        op("anna", Console.ONLINE)), List.of("olga", "piotr", "anna")),
                Arguments.of(ALL, List.of(op("olga", Console.ONLINE), op("piotr", Console.AWAY),
                        op("anna", Console.SILENT)), List.of("olga")),
                Arguments.of(ALL, List.of(op("olga", Console.OFFLINE), op("piotr", Console.DISCONNECTED),
                        op("anna", Console.ONLINE)), List.of("anna")),
                Arguments.of(ALL, List.of(op("olga", Console.AWAY), op("piotr", Console.OFFLINE)), List.of()),
                Arguments.of(MANUAL, List.of(op("olga", Console.ONLINE), op("piotr", Console.ONLINE),
                        op("anna", Console.ONLINE)), List.of()));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource
    void whomEachModeOffers(RoutingMode mode, List<Op> ops, List<String> expected) {
        OpenChannel channel = channel(mode);
        present(START, ops.toArray(Op[]::new));
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        List<SupportSession> offered = dispatch(channel);

        assertThat(s.offeredTo()).containsExactlyElementsOf(expected);
        assertThat(s.state()).isEqualTo(expected.isEmpty() ? WAITING : OFFERED);
        assertThat(offered).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(s));
        if (!expected.isEmpty()) {
            assertThat(s.offeredAt()).contains(START);
        }
    }

    @Test
    void strict_moves_down_the_channel_order_as_operators_skip_and_then_waits() {
        OpenChannel channel = channel(STRICT);
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE), op("anna", Console.ONLINE));
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("olga");

        s.withdrawOffer("olga", false, START);
        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("piotr");

        s.withdrawOffer("piotr", false, START);
        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("anna");

        s.withdrawOffer("anna", false, START);
        List<SupportSession> offered = dispatch(channel);
        assertThat(offered).as("everyone was tried: no second offer straight away").isEmpty();
        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.tried()).containsExactlyInAnyOrder("olga", "piotr", "anna");
    }

    @Test
    void evenly_moves_on_to_the_next_longest_idle_after_a_skip_and_then_waits() {
        OpenChannel channel = channel(EVENLY);
        present(START, idle("olga", 10), idle("piotr", 30), idle("anna", 20));
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("piotr");
        s.withdrawOffer("piotr", false, START);

        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("anna");
        s.withdrawOffer("anna", false, START);

        dispatch(channel);
        assertThat(s.offeredTo()).containsExactly("olga");
        s.withdrawOffer("olga", false, START);

        assertThat(dispatch(channel)).isEmpty();
        assertThat(s.state()).isEqualTo(WAITING);
    }

    @Test
    void all_does_not_offer_again_to_those_who_skipped() {
        OpenChannel channel = channel(ALL);
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE));
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        dispatch(channel);
        s.withdrawOffer("olga", false, START);
        s.withdrawOffer("piotr", false, START);
        assertThat(s.state()).isEqualTo(WAITING);

        assertThat(dispatch(channel)).isEmpty();
        assertThat(s.state()).isEqualTo(WAITING);
    }

    @Test
    void the_one_who_skipped_is_not_offered_it_again_when_nobody_else_is_available() {
        OpenChannel channel = channel(STRICT);
        present(START, op("olga", Console.ONLINE), op("piotr", Console.AWAY), op("anna", Console.OFFLINE));
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));
        dispatch(channel);
        s.withdrawOffer("olga", false, START);

        assertThat(dispatch(channel)).isEmpty();
        assertThat(s.state()).isEqualTo(WAITING);
    }

    static Stream<Arguments> capacity() {
        return Stream.of(
                //           count only answered  olga holds                              offered to
                Arguments.of(false, List.of(),                                         "olga"),
                Arguments.of(false, List.of("ASSIGNED"),                               "olga"),
                Arguments.of(false, List.of("ASSIGNED", "ANSWERED"),                   "piotr"),
                Arguments.of(false, List.of("ASSIGNED", "OFFERED"),                    "piotr"),
                Arguments.of(false, List.of("OFFERED", "OFFERED"),                     "piotr"),
                Arguments.of(false, List.of("ASSIGNED", "ASSIGNED@other-channel"),     "piotr"),
                Arguments.of(false, List.of("ASSIGNED", "CLOSED"),                     "olga"),
                Arguments.of(true,  List.of("ASSIGNED", "ASSIGNED"),                   "olga"),
                Arguments.of(true,  List.of("ANSWERED", "ASSIGNED"),                   "olga"),
                Arguments.of(true,  List.of("ANSWERED", "ANSWERED"),                   "piotr"),
                Arguments.of(true,  List.of("ANSWERED", "ANSWERED@other-channel"),     "piotr"));
    }

    @ParameterizedTest(name = "count only answered: {0}, olga holds {1} -> {2}")
    @MethodSource
    void capacity(boolean countOnlyAnswered, List<String> olgaHolds, String offeredTo) {
        OpenChannel channel = world.channel("ch1", c -> {
            c.capacity = 2;
            c.countOnlyAnswered = countOnlyAnswered;
            c.operators("olga", "piotr");
        });
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE));
        int n = 0;
        for (String held : olgaHolds) {
            String[] stateAndChannel = held.split("@");
            String channelId = stateAndChannel.length > 1 ? stateAndChannel[1] : "ch1";
            SupportSessionState state = SupportSessionState.valueOf(stateAndChannel[0]);
            SupportSession s = world.held("held-" + n++, channelId, "olga", state == CLOSED ? ASSIGNED : state);
            if (state == CLOSED) {
                s.close(SessionEnd.OPERATOR, false, START);
            }
        }
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        dispatch(channel);

        assertThat(s.offeredTo()).containsExactly(offeredTo);
    }

    @Test
    void one_dispatch_offers_no_operator_more_than_their_capacity() {
        OpenChannel channel = world.channel("ch1", c -> {
            c.capacity = 1;
            c.operators("olga", "piotr");
        });
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE));
        SupportSession s1 = world.queued("s1", "ch1", START.minusSeconds(30));
        SupportSession s2 = world.queued("s2", "ch1", START.minusSeconds(20));
        SupportSession s3 = world.queued("s3", "ch1", START.minusSeconds(10));

        List<SupportSession> offered = dispatch(channel);

        assertThat(offered).containsExactly(s1, s2);
        assertThat(s1.offeredTo()).containsExactly("olga");
        assertThat(s2.offeredTo()).containsExactly("piotr");
        assertThat(s3.state()).isEqualTo(WAITING);
    }

    @Test
    void evenly_spreads_a_backlog_over_the_team_instead_of_giving_it_all_to_the_longest_idle() {
        OpenChannel channel = world.channel("ch1", c -> {
            c.mode = EVENLY;
            c.capacity = 5;
            c.operators("olga", "piotr", "anna");
        });
        present(START, idle("olga", 30), idle("piotr", 20), idle("anna", 10));
        SupportSession s1 = world.queued("s1", "ch1", START.minusSeconds(30));
        SupportSession s2 = world.queued("s2", "ch1", START.minusSeconds(20));
        SupportSession s3 = world.queued("s3", "ch1", START.minusSeconds(10));

        dispatch(channel);

        assertThat(List.of(s1.offeredTo(), s2.offeredTo(), s3.offeredTo()))
                .containsExactly(List.of("olga"), List.of("piotr"), List.of("anna"));
    }

    @Test
    void pending_offers_count_towards_capacity_also_when_only_answered_sessions_count() {
        OpenChannel channel = world.channel("ch1", c -> {
            c.capacity = 1;
            c.countOnlyAnswered = true;
            c.mode = ALL;
            c.operators("olga", "piotr");
        });
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE));
        SupportSession s1 = world.queued("s1", "ch1", START.minusSeconds(30));
        SupportSession s2 = world.queued("s2", "ch1", START.minusSeconds(20));

        assertThat(dispatch(channel)).containsExactly(s1);
        assertThat(s2.state()).isEqualTo(WAITING);
    }

    @Test
    void all_mode_holds_the_next_sessions_back_while_everyone_has_an_offer() {
        OpenChannel channel = world.channel("ch1", c -> {
            c.mode = ALL;
            c.capacity = 1;
            c.operators("olga", "piotr");
        });
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE));
        SupportSession s1 = world.queued("s1", "ch1", START.minusSeconds(30));
        SupportSession s2 = world.queued("s2", "ch1", START.minusSeconds(20));

        assertThat(dispatch(channel)).containsExactly(s1);
        assertThat(s1.offeredTo()).containsExactly("olga", "piotr");
        assertThat(s2.state()).isEqualTo(WAITING);
    }

    @Test
    void the_oldest_question_is_offered_first() {
        OpenChannel channel = world.channel("ch1", c -> {
            c.capacity = 1;
            c.operators("olga");
        });
        present(START, op("olga", Console.ONLINE));
        SupportSession newest = world.queued("a-newest", "ch1", START.minusSeconds(10));
        SupportSession oldest = world.queued("z-oldest", "ch1", START.minusSeconds(60));
        SupportSession middle = world.queued("m-middle", "ch1", START.minusSeconds(30));

        assertThat(dispatch(channel)).containsExactly(oldest);
        assertThat(oldest.offeredTo()).containsExactly("olga");
        assertThat(middle.state()).isEqualTo(WAITING);
        assertThat(newest.state()).isEqualTo(WAITING);
    }

    static Stream<Arguments> hoursAndSwitch() {
        Consumer<RoutingWorld.ChannelSpec> asIs = c -> { };
        return Stream.of(
                Arguments.of("Monday 11:00, in hours", asIs, "2025-01-06T10:00:00Z", true),
                Arguments.of("Monday 07:30, before opening", asIs, "2025-01-06T06:30:00Z", false),
                Arguments.of("Monday 18:00, closing time", asIs, "2025-01-06T17:00:00Z", false),
                Arguments.of("Saturday 11:00", asIs, "2025-01-11T10:00:00Z", false),
                Arguments.of("Monday 11:00, a day off",
                        (Consumer<RoutingWorld.ChannelSpec>) c -> c.daysOff = List.of("2025-01-06"),
                        "2025-01-06T10:00:00Z", false),
                Arguments.of("Monday 11:00, channel switched off",
                        (Consumer<RoutingWorld.ChannelSpec>) c -> c.enabled = false, "2025-01-06T10:00:00Z", false),
                Arguments.of("Tuesday 00:30, night shift from Monday",
                        (Consumer<RoutingWorld.ChannelSpec>) c -> {
                            c.workingFrom = "22:00";
                            c.workingTo = "06:00";
                        }, "2025-01-06T23:30:00Z", true),
                Arguments.of("Monday 11:00, New York hours (05:00 there)",
                        (Consumer<RoutingWorld.ChannelSpec>) c -> c.timeZone = "America/New_York",
                        "2025-01-06T10:00:00Z", false));
    }

    @ParameterizedTest(name = "{0}: offered {3}")
    @MethodSource
    void hoursAndSwitch(String description, Consumer<RoutingWorld.ChannelSpec> customize, String at,
                        boolean offered) {
        OpenChannel channel = world.channel("ch1", customize);
        Instant now = Instant.parse(at);
        present(now, op("olga", Console.ONLINE));
        SupportSession s = world.queued("s1", "ch1", now.minusSeconds(5));

        List<SupportSession> result = world.dispatcher.dispatch(channel, now);

        assertThat(s.state()).isEqualTo(offered ? OFFERED : WAITING);
        assertThat(result).hasSize(offered ? 1 : 0);
    }

    static Stream<Arguments> preferredOperator() {
        return Stream.of(
                Arguments.of(STRICT, Console.ONLINE, 0, List.of("anna")),
                Arguments.of(EVENLY, Console.ONLINE, 0, List.of("anna")),
                Arguments.of(ALL, Console.ONLINE, 0, List.of("anna")),
                Arguments.of(MANUAL, Console.ONLINE, 0, List.of("anna")),
                Arguments.of(STRICT, Console.AWAY, 0, List.of("piotr")),
                Arguments.of(STRICT, Console.DISCONNECTED, 0, List.of("piotr")),
                Arguments.of(STRICT, Console.ONLINE, 2, List.of("piotr")),
                Arguments.of(ALL, Console.AWAY, 0, List.of("piotr")),
                Arguments.of(MANUAL, Console.AWAY, 0, List.of()));
    }

    @ParameterizedTest(name = "{0}, anna {1} holding {2}: offered to {3}")
    @MethodSource
    void preferredOperator(RoutingMode mode, Console anna, int annaHolds, List<String> expected) {
        OpenChannel channel = world.channel("ch1", c -> {
            c.mode = mode;
            c.capacity = 2;
        });
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE), op("anna", anna));
        for (int i = 0; i < annaHolds; i++) {
            world.held("anna-" + i, "ch1", "anna", ASSIGNED);
        }
        SupportSession s = world.held("s1", "ch1", "olga", ANSWERED);
        s.transfer(null, "anna", "for Anna", START);

        dispatch(channel);

        assertThat(s.offeredTo()).containsExactlyElementsOf(expected);
    }

    @Test
    void leaves_offered_sessions_and_other_channels_alone() {
        OpenChannel channel = channel(ALL);
        world.channel("ch2", c -> c.operators("olga"));
        present(START, op("olga", Console.ONLINE), op("piotr", Console.ONLINE), op("anna", Console.ONLINE));
        SupportSession offered = world.held("offered", "ch1", "olga", OFFERED);
        SupportSession elsewhere = world.queued("elsewhere", "ch2", START.minusSeconds(100));
        SupportSession waiting = world.queued("waiting", "ch1", START.minusSeconds(5));

        assertThat(dispatch(channel)).containsExactly(waiting);
        assertThat(offered.offeredTo()).containsExactly("olga");
        assertThat(elsewhere.state()).isEqualTo(WAITING);
    }

    @ParameterizedTest
    @EnumSource(value = RoutingMode.class, names = {"STRICT", "EVENLY", "ALL"})
    void nothing_is_offered_when_nobody_has_a_presence_row(RoutingMode mode) {
        OpenChannel channel = channel(mode);
        SupportSession s = world.queued("s1", "ch1", START.minusSeconds(5));

        assertThat(dispatch(channel)).isEmpty();
        assertThat(s.state()).isEqualTo(WAITING);
    }
}
