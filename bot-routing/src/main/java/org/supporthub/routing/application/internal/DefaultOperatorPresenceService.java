package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.routing.application.OperatorPresenceService;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceChanged;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps operators' presence rows. What follows from a change (offers withdrawn, the queue drained) is
 * done by {@link RoutingTimeouts} on its next beat, on whichever instance runs it first.
 */
@ApplicationScoped
public class DefaultOperatorPresenceService implements OperatorPresenceService {

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    Clock clock;

    @Inject
    @OperatorPresenceChanged
    Event<String> changed;

    @Override
    @Transactional
    public void seen(String operator) {
        row(operator).seen(clock.instant());
    }

    @Override
    @Transactional
    public void disconnected(String operator) {
        row(operator).disconnected(clock.instant());
        changed.fire(operator);
    }

    @Override
    @Transactional
    public void changeStatus(String operator, PresenceStatus status) {
        OperatorPresence p = row(operator);
        Instant now = clock.instant();
        p.seen(now);
        p.changeStatus(status, now);
        changed.fire(operator);
    }

    @Override
    @Transactional
    public PresenceStatus status(String operator) {
        return presence.find(operator).map(OperatorPresence::status).orElse(PresenceStatus.OFFLINE);
    }

    private OperatorPresence row(String operator) {
        return presence.findForUpdate(operator).orElseGet(() -> {
            presence.store(new OperatorPresence(operator, clock.instant()));
            return presence.findForUpdate(operator).orElseThrow();
        });
    }
}
