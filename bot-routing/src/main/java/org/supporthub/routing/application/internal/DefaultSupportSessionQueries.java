package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.PortalAccessRepository;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class DefaultSupportSessionQueries implements SupportSessionQueries {

    @Inject
    org.supporthub.core.domain.model.attachment.AttachmentRepository attachmentRecords;

    private static final int PAGE = 1000;

    @Inject
    PortalAccessRepository access;

    @Inject
    SupportSessionRepository sessions;

    @Inject
    OpenChannelRepository channels;

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    @Inject
    ConversationRepository conversations;

    @Inject
    PortalRepository portals;

    @Inject
    SessionNotes notes;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public Optional<WidgetSession> forConversation(String conversationId) {
        return Optional.ofNullable(forConversations(Set.of(conversationId)).get(conversationId));
    }

    /**
     * One read of the open sessions of all these conversations, one read of the queue of each channel
     * they wait in, and one more per conversation whose session just closed (and is no longer open):
     * never one queue read per session.
     */
    @Override
    @Transactional
    public Map<String, WidgetSession> forConversations(Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<String, SupportSession> latest = new HashMap<>();
        sessions.openOfConversations(conversationIds).forEach(s -> latest.put(s.conversationId(), s));
        for (String id : conversationIds) {
            if (!latest.containsKey(id)) {
                sessions.latestOfConversation(id).ifPresent(s -> latest.put(id, s));
            }
        }
        Map<String, OpenChannel> byId = channelsById();
        Map<String, Map<String, Integer>> positions = new HashMap<>();
        Map<String, WidgetSession> views = new HashMap<>();
        latest.forEach((conversationId, s) -> {
            OpenChannel channel = byId.get(s.channelId());
            boolean closed = channel != null && !channel.workingHours().isOpen(now);
            int position = s.isQueued()
                    ? positions.computeIfAbsent(s.channelId(), this::positionsIn).getOrDefault(s.id(), 0) : 0;
            views.put(conversationId, new WidgetSession(s.id(), s.state(), position,
                    s.operator().map(notes::operatorName).orElse(null), s.isQueued() && closed, s.voteOpen(),
                    s.vote().map(v -> v.wireName()).orElse(null), s.held() && s.isOpen(),
                    s.leftForLater() && s.isUnassigned()));
        });
        return views;
    }

    @Override
    @Transactional
    public Set<String> queuedConversationsIn(Set<String> channelIds) {
        Set<String> queued = new HashSet<>();
        channelIds.forEach(c -> sessions.queueOf(c).forEach(e -> queued.add(e.conversationId())));
        return queued;
    }

    @Override
    @Transactional
    public Set<String> openConversations() {
        return sessions.allOpen().stream().map(SupportSession::conversationId).collect(Collectors.toSet());
    }

    @Override
    @Transactional
    public List<ConsoleSession> forOperator(String operator) {
        return forOperators(Set.of(operator)).get(operator);
    }

    /**
     * One read of the open sessions for all these operators together; queue positions are counted from
     * that same list (it comes in queue order), and portal and administrator names are read once per
     * portal and in one read for all conversations.
     */
    @Override
    @Transactional
    public Map<String, List<ConsoleSession>> forOperators(Collection<String> operators) {
        Instant now = clock.instant();
        Map<String, OpenChannel> byId = channelsById();
        List<SupportSession> open = sessions.allOpen();
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Integer> nextInChannel = new HashMap<>();
        for (SupportSession s : open) {
            if (s.isQueued()) {
                positions.put(s.id(), nextInChannel.merge(s.channelId(), 1, Integer::sum));
            }
        }
        Map<String, List<SupportSession>> shown = new HashMap<>();
        Set<String> conversationIds = new HashSet<>();
        for (String operator : operators) {
            Set<String> mine = channelsOf(operator, byId);
            List<SupportSession> list = new ArrayList<>();
            for (SupportSession s : open) {
                boolean offered = s.offeredTo().contains(operator);
                boolean owned = operator.equals(s.operator().orElse(null));
                // A session held for the administrator's decision is nobody's work yet.
                boolean queued = s.isQueued() && mine.contains(s.channelId());
                if (offered || owned || queued) {
                    list.add(s);
                    conversationIds.add(s.conversationId());
                }
            }
            shown.put(operator, list);
        }
        Map<String, String> admins = conversationIds.isEmpty() ? Map.of() : conversations.userNames(conversationIds);
        Map<String, String> portalNames = new HashMap<>();
        Map<String, List<ConsoleSession>> views = new HashMap<>();
        shown.forEach((operator, list) -> views.put(operator, list.stream()
                .map(s -> view(s, operator, byId, now, positions, admins, portalNames)).toList()));
        return views;
    }

    @Override
    @Transactional
    public OperatorProfile profile(String operator) {
        Instant now = clock.instant();
        Map<String, OpenChannel> byId = channelsById();
        Map<String, OperatorPresence> present = presence.all().stream()
                .collect(Collectors.toMap(OperatorPresence::username, Function.identity()));
        List<ChannelSummary> channels = byId.values().stream()
                .filter(c -> c.settings().operators().contains(operator))
                .map(c -> new ChannelSummary(c.id(), c.settings().name(), c.settings().routingMode().name(),
                        c.settings().session().cannedResponses()))
                .toList();
        Set<String> colleagues = new LinkedHashSet<>();
        byId.values().forEach(c -> colleagues.addAll(c.settings().operators()));
        colleagues.addAll(present.keySet());
        List<OperatorSummary> operators = colleagues.stream().sorted()
                .map(u -> new OperatorSummary(u, notes.operatorName(u), shownStatus(present.get(u), now)))
                .toList();
        return new OperatorProfile(operator, notes.operatorName(operator), shownStatus(present.get(operator), now),
                channels, operators);
    }

    @Override
    @Transactional
    public Optional<String> ownerOfConversation(String conversationId) {
        return sessions.openOfConversation(conversationId).flatMap(SupportSession::operator);
    }

    @Override
    @Transactional
    public Optional<String> conversationFor(String operator, String sessionId) {
        return sessions.find(sessionId == null ? "" : sessionId)
                .filter(s -> operator.equals(s.operator().orElse(null)) || s.offeredTo().contains(operator)
                        || channelsOf(operator, channelsById()).contains(s.channelId()))
                .map(SupportSession::conversationId);
    }

    @Override
    @Transactional
    public boolean heldSessionOf(String operator, String conversationId, long messageSeq) {
        return operator != null && conversationId != null && sessions.heldBy(conversationId, operator).stream()
                .anyMatch(s -> s.isOpen() || s.firstSeq() <= messageSeq
                        && s.lastSeq().map(last -> messageSeq <= last).orElse(true));
    }

    @Override
    @Transactional
    public Optional<String> transcript(String operator, String sessionId) {
        return conversationFor(operator, sessionId).flatMap(c -> sessions.find(sessionId)).map(this::transcriptOf);
    }

    @Override
    @Transactional
    public Optional<HistoryPage> portalHistory(String viewer, boolean everyPortal, String portalId,
                                               HistoryWindow window) {
        if (!mayRead(viewer, everyPortal, portalId)) {
            return Optional.empty();
        }
        // One more than the page, to know whether another page follows; then one read for all their messages.
        List<Conversation> page = conversations.conversationsOf(portalId, window.page() * window.size(),
                window.size() + 1);
        boolean hasMore = page.size() > window.size();
        List<Conversation> shown = hasMore ? page.subList(0, window.size()) : page;
        java.util.Map<String, List<ChatMessage>> latest = conversations.latestMessages(
                        shown.stream().map(Conversation::id).toList(), window.messages()).stream()
                .collect(java.util.stream.Collectors.groupingBy(ChatMessage::conversationId));
        List<ConversationHistory> histories = shown.stream()
                .map(c -> history(c, latest.getOrDefault(c.id(), List.of()))).toList();
        return Optional.of(new HistoryPage(histories, window.page(), window.size(), hasMore));
    }

    @Override
    @Transactional
    public Optional<ConversationHistory> earlierMessages(String viewer, boolean everyPortal, String portalId,
                                                         String conversationId, long beforeSeq, int limit) {
        if (!mayRead(viewer, everyPortal, portalId)) {
            return Optional.empty();
        }
        int bounded = Math.min(HistoryWindow.MAX_MESSAGES, Math.max(1, limit));
        return conversations.find(conversationId).filter(c -> c.portalId().equals(portalId))
                .map(c -> history(c, conversations.messagesBefore(c.id(), beforeSeq, bounded)));
    }

    private boolean mayRead(String viewer, boolean everyPortal, String portalId) {
        return everyPortal || viewer != null && portalId != null && access.has(portalId, viewer);
    }

    private static ConversationHistory history(Conversation c, List<ChatMessage> messages) {
        long first = messages.isEmpty() ? c.lastSeq() + 1 : messages.get(0).seq();
        return new ConversationHistory(c.id(), c.userName(), messages.stream()
                .map(m -> new HistoryMessage(m.seq(),
                        new Author(m.authorKind().name().toLowerCase(java.util.Locale.ROOT), m.authorName()),
                        m.text(), m.createdAt()))
                .toList(), first > 1);
    }

    /** The session as plain text: a download for operators, a mail for its administrator. */
    String transcriptOf(SupportSession s) {
        Conversation c = conversations.find(s.conversationId()).orElseThrow();
        String portal = portals.find(s.portalId()).map(Portal::name).orElse(s.portalId());
        StringBuilder out = new StringBuilder()
                .append("Support session ").append(s.id()).append('\n')
                .append("Portal: ").append(portal).append('\n')
                .append("Administrator: ").append(c.userName()).append('\n')
                .append("Asked: ").append(DateTimeFormatter.ISO_INSTANT.format(s.askedAt())).append('\n')
                .append("State: ").append(s.state()).append('\n')
                .append('\n');
        long last = s.lastSeq().orElse(Long.MAX_VALUE);
        List<ChatMessage> shown = allMessages(s.conversationId()).stream()
                .filter(m -> m.seq() >= s.firstSeq() && m.seq() <= last).toList();
        // The files are listed under the message that carried them (one read, only when there are any).
        Map<Long, List<org.supporthub.core.domain.model.attachment.Attachment>> files = new java.util.HashMap<>();
        List<Long> withFiles = shown.stream().filter(m -> m.attachmentCount() > 0).map(ChatMessage::seq).toList();
        attachmentRecords.ofMessages(s.conversationId(), withFiles)
                .forEach(a -> files.computeIfAbsent(a.messageSeq(), k -> new ArrayList<>()).add(a));
        for (ChatMessage m : shown) {
            out.append('[').append(DateTimeFormatter.ISO_INSTANT.format(m.createdAt())).append("] ")
                    .append(m.authorName()).append(": ").append(m.text()).append('\n');
            for (var a : files.getOrDefault(m.seq(), List.of())) {
                out.append("    [file] ").append(a.name()).append(" (").append(a.type().mediaType()).append(", ")
                        .append(a.size()).append(" bytes)\n");
            }
        }
        return out.toString();
    }

    private List<ChatMessage> allMessages(String conversationId) {
        List<ChatMessage> all = new ArrayList<>();
        List<ChatMessage> page;
        long after = 0;
        do {
            page = conversations.messagesAfter(conversationId, after, PAGE);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == PAGE);
        return all;
    }

    private ConsoleSession view(SupportSession s, String operator, Map<String, OpenChannel> byId, Instant now,
                                Map<String, Integer> positions, Map<String, String> admins,
                                Map<String, String> portalNames) {
        String portal = portalNames.computeIfAbsent(s.portalId(),
                id -> portals.find(id).map(Portal::name).orElse(id));
        String admin = admins.getOrDefault(s.conversationId(), "");
        OpenChannel channel = byId.get(s.channelId());
        return new ConsoleSession(s.id(), s.conversationId(), s.portalId(), portal, admin, s.channelId(),
                channel == null ? s.channelId() : channel.settings().name(), s.state(), s.operator().orElse(null),
                s.offeredTo().contains(operator), s.askedAt(), Math.max(0, Duration.between(s.askedAt(), now).toSeconds()),
                s.firstMessage(), s.note().orElse(null), positions.getOrDefault(s.id(), 0),
                new Label(s.area().orElse("UNCLEAR"), s.coverage().orElse("UNCLEAR"),
                        s.triageConfidence().orElse(0.0), s.policyItem().orElse(null)), s.leftForLater());
    }

    /** The channel's queue positions by session id, from one read of its queue (ids only). */
    private Map<String, Integer> positionsIn(String channelId) {
        Map<String, Integer> positions = new HashMap<>();
        List<SupportSessionRepository.QueueEntry> queue = sessions.queueOf(channelId);
        for (int i = 0; i < queue.size(); i++) {
            positions.put(queue.get(i).sessionId(), i + 1);
        }
        return positions;
    }

    private PresenceStatus shownStatus(OperatorPresence p, Instant now) {
        // An operator whose console is gone is shown offline, whatever status they chose.
        return p == null || !availability.reachable(p, now) ? PresenceStatus.OFFLINE : p.status();
    }

    private Map<String, OpenChannel> channelsById() {
        Map<String, OpenChannel> byId = new TreeMap<>();
        channels.all().forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    private static Set<String> channelsOf(String operator, Map<String, OpenChannel> byId) {
        return byId.values().stream().filter(c -> c.settings().operators().contains(operator))
                .map(OpenChannel::id).collect(Collectors.toSet());
    }

    @Override
    @Transactional
    public List<PortalSession> portalSessions(String portalId, int limit) {
        List<SupportSession> latest = sessions.latestOfPortal(portalId,
                Math.min(MAX_PORTAL_SESSIONS, Math.max(1, limit)));
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<String, String> channelNames = new HashMap<>();
        channels.all().forEach(c -> channelNames.put(c.id(), c.settings().name()));
        return latest.stream().map(s -> new PortalSession(s.id(), s.conversationId(), s.channelId(),
                channelNames.get(s.channelId()), s.state(), s.operator().orElse(null), s.askedAt(),
                s.closedAt().orElse(null), s.firstMessage(), s.vote().map(Enum::name).orElse(null))).toList();
    }
}
