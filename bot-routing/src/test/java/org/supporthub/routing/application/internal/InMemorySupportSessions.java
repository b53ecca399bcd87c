package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Support sessions in a map. Like the JPA repository inside one transaction, every lookup hands out the
 * same instance, so a move made through {@link #findForUpdate} is seen by lists read earlier.
 *
 * <p>It counts the reads each method was asked for, as a database would see them, so that a test can
 * prove that the work of one routing event does not grow with the queue.
 */
final class InMemorySupportSessions implements SupportSessionRepository {

    private static final Comparator<SupportSession> QUEUE_ORDER =
            Comparator.comparing(SupportSession::askedAt).thenComparing(SupportSession::id);

    private final Map<String, SupportSession> byId = new LinkedHashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();

    /** How many reads (queries) were asked for since the last {@link #resetReads}. */
    int reads() {
        return reads.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The reads since the last reset, by repository method, for a failing test's message. */
    Map<String, Integer> readsByMethod() {
        return Map.copyOf(reads);
    }

    void resetReads() {
        reads.clear();
    }

    private void read(String method) {
        reads.merge(method, 1, Integer::sum);
    }

    @Override
    public void deleteOfConversation(String conversationId) {
        byId.values().removeIf(s -> s.conversationId().equals(conversationId));
    }

    @Override
    public Optional<SupportSession> find(String id) {
        read("find");
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<SupportSession> findForUpdate(String id) {
        read("findForUpdate");
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void store(SupportSession session) {
        if (byId.containsKey(session.id())) {
            throw new IllegalStateException("Duplicate session id " + session.id());
        }
        // The unique open key of the table: one open session per conversation.
        if (!select(s -> s.conversationId().equals(session.conversationId()) && s.isOpen()).isEmpty()) {
            throw new IllegalStateException("Conversation " + session.conversationId() + " has an open session");
        }
        byId.put(session.id(), session);
    }

    @Override
    public Optional<SupportSession> openOfConversation(String conversationId) {
        read("openOfConversation");
        return select(s -> s.conversationId().equals(conversationId) && s.state() != SupportSessionState.CLOSED)
                .stream().findFirst();
    }

    @Override
    public Optional<SupportSession> latestOfConversation(String conversationId) {
        read("latestOfConversation");
        List<SupportSession> all = select(s -> s.conversationId().equals(conversationId));
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<SupportSession> heldBy(String conversationId, String operator) {
        read("heldBy");
        return select(s -> s.conversationId().equals(conversationId) && operator.equals(s.operator().orElse(null)));
    }

    @Override
    public List<SupportSession> unassignedInChannel(String channelId) {
        read("unassignedInChannel");
        return select(s -> s.channelId().equals(channelId) && s.isUnassigned());
    }

    @Override
    public List<SupportSession> allOpen() {
        read("allOpen");
        return select(SupportSession::isOpen);
    }

    @Override
    public List<SupportSession> ofPortal(String portalId) {
        read("ofPortal");
        return select(s -> s.portalId().equals(portalId));
    }

    @Override
    public List<SupportSession> latestOfPortal(String portalId, int limit) {
        read("latestOfPortal");
        return select(s -> s.portalId().equals(portalId)).stream()
                .sorted(java.util.Comparator.comparing(SupportSession::askedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<SupportSession> ownedBy(String operator) {
        read("ownedBy");
        return select(s -> operator.equals(s.operator().orElse(null))
                && (s.state() == SupportSessionState.ASSIGNED || s.state() == SupportSessionState.ANSWERED));
    }

    @Override
    public List<QueueEntry> queueOf(String channelId) {
        read("queueOf");
        return select(s -> s.channelId().equals(channelId) && s.isQueued()).stream()
                .map(s -> new QueueEntry(s.id(), s.conversationId())).toList();
    }

    @Override
    public List<SupportSession> openOfConversations(Collection<String> conversationIds) {
        read("openOfConversations");
        return select(s -> s.isOpen() && conversationIds.contains(s.conversationId()));
    }

    @Override
    public List<SupportSession> engaged() {
        read("engaged");
        return select(s -> s.state() == SupportSessionState.OFFERED || s.state() == SupportSessionState.ASSIGNED
                || s.state() == SupportSessionState.ANSWERED);
    }

    List<SupportSession> all() {
        return select(s -> true);
    }

    private List<SupportSession> select(Predicate<SupportSession> filter) {
        return byId.values().stream().filter(filter).sorted(QUEUE_ORDER).toList();
    }
}
