package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.routing.domain.model.OperatorCandidate;
import org.supporthub.routing.domain.model.OperatorSelection;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drains a channel's queue: offers its waiting sessions, oldest first, to whom the channel's routing mode
 * names. Runs inside the caller's transaction and locks each session before moving it, so a session
 * another instance offered meanwhile is left alone.
 *
 * <p>An operator's load counts the sessions they own plus the offers they hold, so that an operator with
 * room for one more is not offered five at once. When the mode names only operators already tried in this
 * round, the session waits: a new round starts when the queue time has passed (see {@link RoutingTimeouts}),
 * not at once, so that an operator who skipped is not offered the same session again a moment later.
 */
@ApplicationScoped
public class QueueDispatcher {

    @Inject
    SupportSessionRepository sessions;

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    /** @return the sessions it offered */
    public List<SupportSession> dispatch(OpenChannel channel, Instant now) {
        OpenChannelSettings settings = channel.settings();
        List<SupportSession> offered = new ArrayList<>();
        if (!settings.enabled() || !channel.workingHours().isOpen(now)) {
            return offered;
        }
        // The load is read from the engaged sessions alone (bounded by the operators' capacity), and the
        // waiting ones only when someone has room: a full team costs no read of the queue, however long.
        List<SupportSession> engaged = new ArrayList<>(sessions.engaged());
        Map<String, OperatorPresence> present = presence.all().stream()
                .collect(Collectors.toMap(OperatorPresence::username, Function.identity()));
        if (!anyoneHasRoom(settings, engaged, present, now)) {
            return offered;
        }
        for (SupportSession queued : sessions.unassignedInChannel(channel.id())) {
            if (queued.state() != SupportSessionState.WAITING || queued.held()) {
                continue;
            }
            // Decided on the snapshot first: a session nobody can take now is not locked (nor read again).
            if (whomToOffer(queued, settings, engaged, present, now).isEmpty()) {
                continue;
            }
            Optional<SupportSession> locked = sessions.findForUpdate(queued.id());
            if (locked.isEmpty() || locked.get().state() != SupportSessionState.WAITING || locked.get().held()
                    || !locked.get().channelId().equals(channel.id())) {
                continue;
            }
            SupportSession session = locked.get();
            List<String> operators = whomToOffer(session, settings, engaged, present, now);
            if (!operators.isEmpty()) {
                session.offer(operators, now);
                engaged.add(session);
                offered.add(session);
                if (!anyoneHasRoom(settings, engaged, present, now)) {
                    break;
                }
            }
        }
        return offered;
    }

    /**
     * Whether any of the channel's operators is online (available, room or not): when none is, nobody can
     * take a new question soon, and the bot offers to leave it for later. One read of the presences.
     */
    public boolean anyoneOnline(OpenChannel channel, Instant now) {
        java.util.Set<String> members = new java.util.HashSet<>(channel.settings().operators());
        return presence.all().stream().anyMatch(p -> members.contains(p.username()) && availability.available(p, now));
    }

    /**
     * Whether any operator who could be offered a session of this channel is available with room: a
     * channel operator, or anyone else who is present (a session transferred to a person prefers them).
     */
    private boolean anyoneHasRoom(OpenChannelSettings settings, List<SupportSession> engaged,
                                  Map<String, OperatorPresence> present, Instant now) {
        java.util.Set<String> who = new java.util.LinkedHashSet<>(settings.operators());
        who.addAll(present.keySet());
        for (String username : who) {
            OperatorCandidate c = candidate(username, 0, settings, engaged, present, now);
            if (c.online() && c.hasCapacity(settings.countOnlyAnswered())) {
                return true;
            }
        }
        return false;
    }

    private List<String> whomToOffer(SupportSession session, OpenChannelSettings settings, List<SupportSession> open,
                                     Map<String, OperatorPresence> present, Instant now) {
        Optional<String> preferred = session.preferredOperator();
        if (preferred.isPresent()) {
            OperatorCandidate target = candidate(preferred.get(), 0, settings, open, present, now);
            if (target.online() && target.hasCapacity(settings.countOnlyAnswered())) {
                return List.of(target.operatorId());
            }
        }
        List<OperatorCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < settings.operators().size(); i++) {
            candidates.add(candidate(settings.operators().get(i), i, settings, open, present, now));
        }
        List<String> chosen = OperatorSelection.operatorsToOffer(settings.routingMode(), candidates,
                session.tried(), settings.countOnlyAnswered());
        // Everyone named was already tried in this round: wait for the next round (RoutingTimeouts).
        return session.tried().containsAll(chosen) ? List.of() : chosen;
    }

    private OperatorCandidate candidate(String username, int order, OpenChannelSettings settings,
                                        List<SupportSession> open, Map<String, OperatorPresence> present,
                                        Instant now) {
        OperatorPresence p = present.get(username);
        int owned = 0;
        int answered = 0;
        int offers = 0;
        Instant idleSince = p == null ? now : p.idleSince();
        for (SupportSession s : open) {
            if (username.equals(s.operator().orElse(null))) {
                owned++;
                answered += s.state() == SupportSessionState.ANSWERED ? 1 : 0;
            } else if (s.state() == SupportSessionState.OFFERED && s.offeredTo().contains(username)) {
                offers++;
                // An offer is work on its way: for EVENLY the operator is no longer idle since before it,
                // so a backlog is spread over the team instead of all landing on one person.
                Instant offeredAt = s.offeredAt().orElse(now);
                idleSince = offeredAt.isAfter(idleSince) ? offeredAt : idleSince;
            }
        }
        // Pending offers count in either way of counting the load (only answered, or every held session).
        return new OperatorCandidate(username, order, p != null && availability.available(p, now), owned + offers,
                answered + offers, settings.capacity(), idleSince);
    }
}
