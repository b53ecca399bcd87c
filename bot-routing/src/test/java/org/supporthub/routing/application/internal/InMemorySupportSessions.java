package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Support sessions in a map. Like the JPA repository inside one transaction, every lookup hands out the
 * same instance, so a move made through {@link #findForUpdate} is seen by lists read earlier.
 */
final class InMemorySupportSessions implements SupportSessionRepository {

    private static final Comparator<SupportSession> QUEUE_ORDER =
            Comparator.comparing(SupportSession::askedAt).thenComparing(SupportSession::id);

    private final Map<String, SupportSession> byId = new LinkedHashMap<>();

    @Override
    public Optional<SupportSession> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<SupportSession> findForUpdate(String id) {
        return find(id);
    }

    @Override
    public void store(SupportSession session) {
        if (byId.containsKey(session.id())) {
            throw new IllegalStateException("Duplicate session id " + session.id());
        }
        // The unique open key of the table: one open session per conversation.
        if (openOfConversation(session.conversationId()).isPresent()) {
            throw new IllegalStateException("Conversation " + session.conversationId() + " has an open session");
        }
        byId.put(session.id(), session);
    }

    @Override
    public Optional<SupportSession> openOfConversation(String conversationId) {
        return select(s -> s.conversationId().equals(conversationId) && s.state() != SupportSessionState.CLOSED)
                .stream().findFirst();
    }

    @Override
    public Optional<SupportSession> latestOfConversation(String conversationId) {
        List<SupportSession> all = select(s -> s.conversationId().equals(conversationId));
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<SupportSession> unassignedInChannel(String channelId) {
        return select(s -> s.channelId().equals(channelId) && s.isUnassigned());
    }

    @Override
    public List<SupportSession> allOpen() {
        return select(SupportSession::isOpen);
    }

    @Override
    public List<SupportSession> ofPortal(String portalId) {
        return select(s -> s.portalId().equals(portalId));
    }

    @Override
    public List<SupportSession> ownedBy(String operator) {
        return select(s -> operator.equals(s.operator().orElse(null))
                && (s.state() == SupportSessionState.ASSIGNED || s.state() == SupportSessionState.ANSWERED));
    }

    List<SupportSession> all() {
        return select(s -> true);
    }

    private List<SupportSession> select(Predicate<SupportSession> filter) {
        return byId.values().stream().filter(filter).sorted(QUEUE_ORDER).toList();
    }
}
