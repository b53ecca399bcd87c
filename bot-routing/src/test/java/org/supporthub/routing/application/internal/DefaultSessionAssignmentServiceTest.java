package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.routing.application.internal.RoutingWorld.refused;
import static org.supporthub.routing.domain.model.RoutingMode.ALL;
import static org.supporthub.routing.domain.model.RoutingMode.MANUAL;
import static org.supporthub.routing.domain.model.RoutingMode.STRICT;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * Operators accepting, skipping and transferring sessions, through the assignment service, on in-memory
 * storage. The channel {@code ch1} serves the English portal with olga, piotr and anna, in that order.
 */
class DefaultSessionAssignmentServiceTest {

    private final RoutingWorld world = new RoutingWorld();

    private void channel(Consumer<RoutingWorld.ChannelSpec> customize) {
        world.channel("ch1", customize);
    }

    // ---- accept ----

    @Test
    void the_offered_operator_takes_the_session() {
        channel(c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.advance(5);
        world.sessionChanges.clear();

        world.assignment.accept("olga", s.id());

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
        assertThat(world.system("conv1")).containsExactly(world.text("session.operatorJoined", "Olga Operator"));
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

        world.assignment.accept("piotr", s.id());
        refused(Code.SESSION_TAKEN, () -> world.assignment.accept("olga", s.id()));

        assertThat(s.operator()).contains("piotr");
        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(world.system("conv1")).containsExactly(world.text("session.operatorJoined", "Piotr Nowak"));
    }

    @Test
    void an_operator_without_the_offer_cannot_take_it() {
        channel(c -> { });
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.assignment.accept("piotr", s.id()));

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("olga");
    }

    @Test
    void accepting_a_closed_or_unknown_session_is_refused() {
        channel(c -> { });
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.assignment.accept("olga", s.id());
        world.conversation.close("olga", s.id());

        refused(Code.SESSION_CLOSED, () -> world.assignment.accept("olga", s.id()));
        refused(Code.UNKNOWN_SESSION, () -> world.assignment.accept("olga", "no-such-session"));
        refused(Code.UNKNOWN_SESSION, () -> world.assignment.accept("olga", null));
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
            world.assignment.accept("olga", s.id());
            assertThat(s.operator()).contains("olga");
        } else {
            refused(refusal, () -> world.assignment.accept("olga", s.id()));
            assertThat(s.state()).isEqualTo(WAITING);
            assertThat(s.operator()).isEmpty();
            assertThat(world.system("conv1")).isEmpty();
        }
    }

    @Test
    void an_offer_made_before_the_capacity_was_lowered_cannot_push_the_operator_over_it() {
        channel(c -> c.capacity = 2);
        world.online("olga");
        SupportSession mine = world.ask("conv1", "First");
        world.assignment.accept("olga", mine.id());
        SupportSession offered = world.ask("conv2", "Second");
        assertThat(offered.offeredTo()).containsExactly("olga");

        world.updateChannel("ch1", c -> c.capacity = 1);

        refused(Code.AT_CAPACITY, () -> world.assignment.accept("olga", offered.id()));
        assertThat(offered.state()).isEqualTo(OFFERED);
    }

    @Test
    void in_a_manual_channel_a_member_picks_a_waiting_session() {
        channel(c -> c.mode = MANUAL);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");
        assertThat(s.state()).as("nobody is offered anything").isEqualTo(WAITING);

        world.assignment.accept("piotr", s.id());

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("piotr");
    }

    @Test
    void in_a_manual_channel_a_non_member_cannot_pick() {
        channel(c -> c.mode = MANUAL);
        world.online("zofia");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_A_MEMBER, () -> world.assignment.accept("zofia", s.id()));

        assertThat(s.state()).isEqualTo(WAITING);
    }

    @Test
    void outside_manual_mode_a_waiting_session_cannot_be_picked() {
        channel(c -> c.mode = STRICT);
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.assignment.accept("olga", s.id()));

        assertThat(s.state()).isEqualTo(WAITING);
    }

    // ---- skip ----

    @Test
    void a_skip_moves_the_offer_to_the_next_operator() {
        channel(c -> c.mode = STRICT);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");
        world.advance(3);

        world.assignment.skip("olga", s.id());

        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(s.offeredAt()).contains(world.now());
    }

    @Test
    void only_an_operator_with_the_offer_can_skip_it() {
        channel(c -> c.mode = STRICT);
        world.online("olga", "piotr");
        SupportSession s = world.ask("conv1", "Help");

        refused(Code.NOT_OFFERED, () -> world.assignment.skip("piotr", s.id()));

        assertThat(s.offeredTo()).containsExactly("olga");
    }

    // ---- transfer ----

    @Test
    void a_transfer_to_an_operator_is_offered_to_them_only() {
        channel(c -> c.operators("olga", "anna", "piotr"));
        SupportSession s = world.takenBy("olga", "conv1");
        world.online("anna", "piotr");
        world.sessionChanges.clear();

        world.assignment.transfer("olga", s.id(), "piotr", null, "  Licence renewal  ");

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("piotr");
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(s.operator()).isEmpty();
        assertThat(s.note()).contains("Licence renewal");
        assertThat(world.system("conv1")).endsWith(world.text("session.transferred"));
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
        SupportSession s = world.takenBy("olga", "conv1");
        world.online("zofia");
        world.sessionChanges.clear();

        world.assignment.transfer("olga", s.id(), null, "ch2", null);

        assertThat(s.channelId()).isEqualTo("ch2");
        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.offeredTo()).containsExactly("zofia");
        assertThat(s.note()).isEmpty();
        assertThat(world.system("conv1")).endsWith(world.text("session.transferredChannel"));
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
        SupportSession s = world.takenBy("olga", "conv1");
        SupportSession next = world.ask("conv2", "Waiting");
        assertThat(next.state()).isEqualTo(WAITING);

        world.assignment.transfer("olga", s.id(), null, "ch2", null);

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
        SupportSession s = world.takenBy("olga", "conv1");
        world.online("piotr");
        world.status("anna", PresenceStatus.AWAY);
        int messages = world.chat.stored.size();

        refused(code, () -> world.assignment.transfer(by, s.id(), toOperator, toChannel, note));

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(world.chat.stored).hasSize(messages);
    }
}
