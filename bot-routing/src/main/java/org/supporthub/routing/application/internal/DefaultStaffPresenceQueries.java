package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.routing.application.StaffPresenceQueries;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DefaultStaffPresenceQueries implements StaffPresenceQueries {

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public List<OnlineOperator> onlineNow() {
        Instant now = clock.instant();
        // The query narrows by the same silence limit; the rule itself decides, as it does for routing.
        return presence.connectedSince(now.minus(availability.silence())).stream()
                .filter(l -> availability.reachable(l.presence(), now))
                .map(l -> new OnlineOperator(l.presence().username(), l.presence().status(), l.presence().lastSeenAt(),
                        l.heldSessions()))
                .toList();
    }
}
