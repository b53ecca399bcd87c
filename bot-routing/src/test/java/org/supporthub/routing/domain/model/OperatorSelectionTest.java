package org.supporthub.routing.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.routing.domain.model.RoutingMode.ALL;
import static org.supporthub.routing.domain.model.RoutingMode.EVENLY;
import static org.supporthub.routing.domain.model.RoutingMode.MANUAL;
import static org.supporthub.routing.domain.model.RoutingMode.STRICT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperatorSelectionTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    /** An online operator with room for one more session, idle since {@code idleMinutes} after T0. */
    private static OperatorCandidate free(String id, int order, int idleMinutes) {
        return new OperatorCandidate(id, order, true, 0, 0, 2, T0.plusSeconds(60L * idleMinutes));
    }

    private static OperatorCandidate free(String id, int order) {
        return free(id, order, 0);
    }

    private static OperatorCandidate offline(String id, int order) {
        return new OperatorCandidate(id, order, false, 0, 0, 2, T0);
    }

    /** At capacity however one counts: two sessions, both answered, capacity two. */
    private static OperatorCandidate full(String id, int order) {
        return new OperatorCandidate(id, order, true, 2, 2, 2, T0);
    }

    /** At capacity only when every active session counts: two sessions, one answered, capacity two. */
    private static OperatorCandidate fullOnlyCountingAll(String id, int order) {
        return new OperatorCandidate(id, order, true, 2, 1, 2, T0);
    }

    private static List<String> offer(RoutingMode mode, Set<String> tried, OperatorCandidate... candidates) {
        return OperatorSelection.operatorsToOffer(mode, Arrays.asList(candidates), tried, false);
    }

    @Nested
    class Strict {

        @Test
        void offers_to_the_first_operator_in_channel_order_not_the_list_order() {
            assertThat(offer(STRICT, Set.of(), free("c", 3), free("a", 1), free("b", 2)))
                    .containsExactly("a");
        }

        @Test
        void moves_on_to_the_next_operator_not_yet_tried() {
            assertThat(offer(STRICT, Set.of("a"), free("a", 1), free("b", 2), free("c", 3)))
                    .containsExactly("b");
            assertThat(offer(STRICT, Set.of("a", "b"), free("a", 1), free("b", 2), free("c", 3)))
                    .containsExactly("c");
        }

        @Test
        void skips_offline_and_full_operators() {
            assertThat(offer(STRICT, Set.of(), offline("a", 1), full("b", 2), free("c", 3)))
                    .containsExactly("c");
        }

        @Test
        void starts_a_new_round_when_every_eligible_operator_was_tried() {
            assertThat(offer(STRICT, Set.of("a", "b"), free("a", 1), free("b", 2)))
                    .containsExactly("a");
        }

        @Test
        void a_new_round_ignores_tried_operators_who_are_no_longer_eligible() {
            assertThat(offer(STRICT, Set.of("a", "b", "c"), offline("a", 1), free("b", 2), free("c", 3)))
                    .containsExactly("b");
        }

        @Test
        void ties_in_channel_order_are_broken_by_operator_id() {
            assertThat(offer(STRICT, Set.of(), free("y", 1), free("x", 1))).containsExactly("x");
        }
    }

    @Nested
    class Evenly {

        @Test
        void offers_to_the_operator_idle_the_longest() {
            assertThat(offer(EVENLY, Set.of(), free("a", 1, 30), free("b", 2, 10), free("c", 3, 20)))
                    .containsExactly("b");
        }

        @Test
        void breaks_ties_in_idle_time_by_channel_order() {
            assertThat(offer(EVENLY, Set.of(), free("c", 3, 10), free("b", 2, 10), free("a", 1, 20)))
                    .containsExactly("b");
        }

        @Test
        void moves_on_to_the_next_longest_idle_operator_not_yet_tried() {
            assertThat(offer(EVENLY, Set.of("b"), free("a", 1, 30), free("b", 2, 10), free("c", 3, 20)))
                    .containsExactly("c");
        }

        @Test
        void skips_offline_and_full_operators_even_if_idle_longer() {
            assertThat(offer(EVENLY, Set.of(),
                    offline("a", 1), full("b", 2), free("c", 3, 50), free("d", 4, 60)))
                    .containsExactly("c");
        }

        @Test
        void starts_a_new_round_when_every_eligible_operator_was_tried() {
            assertThat(offer(EVENLY, Set.of("a", "b"), free("a", 1, 30), free("b", 2, 10)))
                    .containsExactly("b");
        }
    }

    @Nested
    class All {

        @Test
        void offers_to_every_eligible_operator_in_channel_order() {
            assertThat(offer(ALL, Set.of(),
                    free("c", 3), offline("d", 4), free("a", 1), full("e", 5), free("b", 2)))
                    .containsExactly("a", "b", "c");
        }

        @Test
        void leaves_out_operators_already_tried() {
            assertThat(offer(ALL, Set.of("b"), free("a", 1), free("b", 2), free("c", 3)))
                    .containsExactly("a", "c");
        }

        @Test
        void does_not_start_a_new_round_when_everyone_was_tried() {
            assertThat(offer(ALL, Set.of("a", "b"), free("a", 1), free("b", 2))).isEmpty();
        }
    }

    @Nested
    class Manual {

        @Test
        void offers_to_nobody_because_operators_pick_from_the_shared_list() {
            assertThat(offer(MANUAL, Set.of(), free("a", 1), free("b", 2))).isEmpty();
        }
    }

    @Nested
    class Capacity {

        @ParameterizedTest
        @EnumSource(value = RoutingMode.class, names = {"STRICT", "EVENLY", "ALL"})
        void counting_all_sessions_skips_an_operator_with_unanswered_sessions(RoutingMode mode) {
            List<OperatorCandidate> candidates = List.of(fullOnlyCountingAll("a", 1), free("b", 2, 10));

            assertThat(OperatorSelection.operatorsToOffer(mode, candidates, Set.of(), false))
                    .containsExactly("b");
        }

        @Test
        void counting_only_answered_sessions_keeps_an_operator_with_unanswered_sessions() {
            List<OperatorCandidate> candidates = List.of(fullOnlyCountingAll("a", 1), free("b", 2, 10));

            assertThat(OperatorSelection.operatorsToOffer(STRICT, candidates, Set.of(), true))
                    .containsExactly("a");
            assertThat(OperatorSelection.operatorsToOffer(ALL, candidates, Set.of(), true))
                    .containsExactly("a", "b");
        }

        @Test
        void counting_only_answered_sessions_still_skips_an_operator_full_of_answered_ones() {
            List<OperatorCandidate> candidates = List.of(full("a", 1), free("b", 2));

            assertThat(OperatorSelection.operatorsToOffer(STRICT, candidates, Set.of(), true))
                    .containsExactly("b");
        }
    }

    @Nested
    class NobodyToOffer {

        @ParameterizedTest
        @EnumSource(RoutingMode.class)
        void with_no_operators(RoutingMode mode) {
            assertThat(OperatorSelection.operatorsToOffer(mode, List.of(), Set.of(), false)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(RoutingMode.class)
        void when_everyone_is_offline_or_full(RoutingMode mode) {
            assertThat(offer(mode, Set.of(), offline("a", 1), full("b", 2))).isEmpty();
        }
    }

    @Nested
    class InvalidInput {

        @Test
        void refuses_an_operator_listed_twice() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> offer(STRICT, Set.of(), free("a", 1), offline("a", 2)))
                    .withMessageContaining("listed twice: a");
        }

        @Test
        void refuses_null_arguments() {
            List<OperatorCandidate> withNull = new ArrayList<>();
            withNull.add(null);

            assertThatNullPointerException()
                    .isThrownBy(() -> OperatorSelection.operatorsToOffer(null, List.of(), Set.of(), false));
            assertThatNullPointerException()
                    .isThrownBy(() -> OperatorSelection.operatorsToOffer(STRICT, null, Set.of(), false));
            assertThatNullPointerException()
                    .isThrownBy(() -> OperatorSelection.operatorsToOffer(STRICT, List.of(), null, false));
            assertThatNullPointerException()
                    .isThrownBy(() -> OperatorSelection.operatorsToOffer(MANUAL, withNull, Set.of(), false));
        }

        @Test
        void does_not_modify_its_inputs_and_returns_an_unmodifiable_list() {
            List<OperatorCandidate> candidates = new ArrayList<>(List.of(free("b", 2), free("a", 1)));

            List<String> offered = OperatorSelection.operatorsToOffer(ALL, candidates, Set.of(), false);

            assertThat(candidates).extracting(OperatorCandidate::operatorId).containsExactly("b", "a");
            assertThat(offered).isUnmodifiable();
        }
    }
}
