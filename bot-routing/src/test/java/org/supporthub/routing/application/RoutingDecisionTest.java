package org.supporthub.routing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supporthub.routing.domain.model.SupportSessionState;

class RoutingDecisionTest {

    @Test
    void an_offered_session_names_its_operators_and_has_no_queue_position() {
        RoutingDecision decision = new RoutingDecision("s-1", OFFERED, List.of("op-1", "op-2"), 0);

        assertThat(decision.offeredTo()).containsExactly("op-1", "op-2");
        assertThat(decision.queuePosition()).isZero();
    }

    @Test
    void a_waiting_session_has_a_queue_position_and_no_operators() {
        RoutingDecision decision = new RoutingDecision("s-1", WAITING, List.of(), 3);

        assertThat(decision.state()).isEqualTo(WAITING);
        assertThat(decision.queuePosition()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = SupportSessionState.class, names = {"ASSIGNED", "ANSWERED", "CLOSED"})
    void a_session_past_the_queue_has_neither(SupportSessionState state) {
        assertThat(new RoutingDecision("s-1", state, List.of(), 0).offeredTo()).isEmpty();
    }

    @Test
    void copies_the_operators_so_the_caller_cannot_change_them_later() {
        List<String> operators = new ArrayList<>(List.of("op-1"));
        RoutingDecision decision = new RoutingDecision("s-1", OFFERED, operators, 0);

        operators.add("op-2");

        assertThat(decision.offeredTo()).containsExactly("op-1").isUnmodifiable();
    }

    @Test
    void refuses_missing_or_blank_fields() {
        assertThatNullPointerException().isThrownBy(() -> new RoutingDecision(null, WAITING, List.of(), 1))
                .withMessageContaining("sessionId");
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision(" ", WAITING, List.of(), 1))
                .withMessageContaining("sessionId");
        assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("s-1", null, List.of(), 1))
                .withMessageContaining("state");
        assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("s-1", WAITING, null, 1))
                .withMessageContaining("offeredTo");
        assertThatNullPointerException()
                .isThrownBy(() -> new RoutingDecision("s-1", OFFERED, Arrays.asList("op-1", null), 0));
    }

    @Test
    void refuses_an_offer_to_nobody_or_operators_without_an_offer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", OFFERED, List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", WAITING, List.of("op-1"), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", ASSIGNED, List.of("op-1"), 0));
    }

    @Test
    void refuses_blank_or_repeated_operators() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", OFFERED, List.of(""), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingDecision("s-1", OFFERED, List.of("op-1", "op-1"), 0));
    }

    @Test
    void refuses_a_queue_position_that_does_not_fit_the_state() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", WAITING, List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", WAITING, List.of(), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", OFFERED, List.of("op-1"), 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutingDecision("s-1", ASSIGNED, List.of(), 1));
    }
}
