package org.supporthub.routing.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.routing.application.StaffPresenceQueries.OnlineOperator;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is online for the managers' staff page: reachable consoles only, each with the sessions they hold. */
class DefaultStaffPresenceQueriesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void reachable_operators_with_their_held_sessions() {
        InMemoryPresence presence = new InMemoryPresence();
        OperatorPresence olga = new OperatorPresence("olga", NOW.minusSeconds(600));
        olga.changeStatus(PresenceStatus.ONLINE, NOW.minusSeconds(600));
        olga.seen(NOW.minusSeconds(5));
        OperatorPresence piotr = new OperatorPresence("piotr", NOW.minusSeconds(600));
        piotr.changeStatus(PresenceStatus.AWAY, NOW.minusSeconds(600));
        piotr.seen(NOW.minusSeconds(20));
        OperatorPresence closed = new OperatorPresence("closed", NOW.minusSeconds(600));
        closed.seen(NOW.minusSeconds(5));
        closed.disconnected(NOW.minusSeconds(2));
        OperatorPresence silent = new OperatorPresence("silent", NOW.minusSeconds(600));
        silent.seen(NOW.minusSeconds(61));
        for (OperatorPresence p : new OperatorPresence[] {olga, piotr, closed, silent}) {
            presence.store(p);
        }
        Map<String, Long> held = Map.of("olga", 2L, "closed", 1L);
        presence.heldSessions = u -> held.getOrDefault(u, 0L);
        DefaultStaffPresenceQueries queries = new DefaultStaffPresenceQueries();
        queries.presence = presence;
        queries.availability = new OperatorAvailability(Duration.ofSeconds(60), Duration.ofSeconds(120));
        queries.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        assertThat(queries.onlineNow()).containsExactly(
                new OnlineOperator("olga", PresenceStatus.ONLINE, NOW.minusSeconds(5), 2),
                new OnlineOperator("piotr", PresenceStatus.AWAY, NOW.minusSeconds(20), 0));
    }
}
