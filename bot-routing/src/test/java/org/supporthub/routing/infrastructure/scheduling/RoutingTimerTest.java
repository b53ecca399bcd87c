package org.supporthub.routing.infrastructure.scheduling;

import org.junit.jupiter.api.Test;
import org.supporthub.core.application.PeriodicTurns;
import org.supporthub.routing.application.internal.QuestionRouting;
import org.supporthub.routing.application.internal.RoutingTimeouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing's beat runs once per cluster: on the instance that took the beat's turn, and nowhere else. */
class RoutingTimerTest {

    private final List<String> ran = new ArrayList<>();

    private RoutingTimer timer(boolean turnTaken) {
        RoutingTimer t = new RoutingTimer();
        t.beatMillis = 1_000;
        t.timeouts = new RoutingTimeouts() {
            @Override
            public void beat() {
                ran.add("timeouts");
            }
        };
        t.questions = new QuestionRouting() {
            @Override
            public int retryStale() {
                ran.add("stale questions");
                return 0;
            }
        };
        t.turns = new PeriodicTurns() {
            @Override
            public OptionalLong take(String job, long periodMillis) {
                ran.add("turn " + job + " every " + periodMillis);
                return turnTaken ? OptionalLong.of(1) : OptionalLong.empty();
            }

            @Override
            public Map<String, List<Long>> ranHere() {
                return Map.of();
            }
        };
        return t;
    }

    @Test
    void anInstanceWithoutTheTurnDoesNothingThatBeat() {
        timer(false).beat();
        assertThat(ran).containsExactly("turn routing-beat every 1000");
    }

    @Test
    void theInstanceWithTheTurnRunsTheWholeBeat() {
        timer(true).beat();
        assertThat(ran).containsExactly("turn routing-beat every 1000", "timeouts", "stale questions");
    }
}
