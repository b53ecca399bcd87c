package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRules;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;
import org.supporthub.routing.domain.model.channel.SessionSettings;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routing beans wired by hand to in-memory storage, a recording chat and a clock the test moves.
 *
 * <p>Staff: the operators {@code olga}, {@code piotr}, {@code anna} and {@code zofia}, and {@code mark}, a
 * manager who is no operator. Portals: {@code portal-en} (English). The clock starts on Monday
 * 2025-01-06 10:00 UTC, 11:00 in Warsaw, inside the default channel's hours (weekdays 08:00–18:00 in
 * Warsaw). The silence limit is 60 s and the grace 120 s.
 *
 * <p>Consoles: operators brought online here keep pinging whenever the clock is moved with
 * {@link #advance(long)}, until they {@link #disconnect disconnect} or {@link #fallSilent fall silent}.
 */
final class RoutingWorld {

    static final Instant START = Instant.parse("2025-01-06T10:00:00Z");
    static final Duration SILENCE = Duration.ofSeconds(60);
    static final Duration GRACE = Duration.ofSeconds(120);
    static final String PORTAL = "portal-en";

    final MutableClock clock = new MutableClock(START);
    final InMemorySupportSessions sessions = new InMemorySupportSessions();
    final InMemoryPresence presence = new InMemoryPresence();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryStaff staff = new InMemoryStaff();
    final InMemoryPortals portals = new InMemoryPortals();
    final InMemoryConversations conversations = new InMemoryConversations();
    final RecordingChat chat = new RecordingChat();
    final RecordingEvent<SessionChange> sessionChanges = new RecordingEvent<>();
    final RecordingEvent<String> presenceChanges = new RecordingEvent<>();
    final OperatorAvailability availability = new OperatorAvailability(SILENCE, GRACE);
    final BotTexts texts = new BotTexts();

    final SessionNotes notes = new SessionNotes();
    final QueueDispatcher dispatcher = new QueueDispatcher();
    final DefaultOpenChannelRegistry registry = new DefaultOpenChannelRegistry();
    final SessionMoves moves = new SessionMoves();
    final DefaultSessionIntakeService intake = new DefaultSessionIntakeService();
    final DefaultSessionAssignmentService assignment = new DefaultSessionAssignmentService();
    final DefaultSessionConversationService conversation = new DefaultSessionConversationService();
    final InMemoryPortalAccess access = new InMemoryPortalAccess();
    /** Triage as a table: a question's text to its policy item; anything else is unclear. */
    final FakeTriage triage = new FakeTriage();
    final InMemoryTriageCorrections corrections = new InMemoryTriageCorrections();
    final List<org.supporthub.routing.domain.model.session.TriageCorrection> correctionsStored = corrections.stored;
    final QuestionRouting routing = new QuestionRouting();
    final RoutingTimeouts timeouts = new RoutingTimeouts();
    final DefaultOperatorPresenceService presenceService = new DefaultOperatorPresenceService();
    final DefaultSupportSessionQueries queries = new DefaultSupportSessionQueries();
    final RecordingMailOutbox mailbox = new RecordingMailOutbox();
    final FakeWidgetPresence widgets = new FakeWidgetPresence();
    final SessionMail mail = new SessionMail();
    final TranscriptMailing transcripts = new TranscriptMailing();

    private final Map<String, ChannelSpec> specs = new HashMap<>();
    private final Set<String> pinging = new LinkedHashSet<>();

    RoutingWorld() {
        this(null);
    }

    /** The world with a real triage instead of the table ({@link #triage} is then unused). */
    RoutingWorld(org.supporthub.core.application.ScopeTriage realTriage) {
        notes.chat = chat;
        notes.texts = texts;
        notes.staff = staff;
        notes.sessions = sessions;

        dispatcher.sessions = sessions;
        dispatcher.presence = presence;
        dispatcher.availability = availability;

        registry.channels = channels;
        registry.staff = staff;

        moves.sessions = sessions;
        moves.changed = sessionChanges;

        intake.sessions = sessions;
        intake.texts = texts;
        intake.channels = channels;
        intake.registry = registry;
        intake.portals = portals;
        intake.conversations = conversations;
        intake.dispatcher = dispatcher;
        intake.notes = notes;
        intake.moves = moves;
        intake.chat = chat;
        intake.clock = clock;
        intake.scopeTriage = realTriage == null ? triage : realTriage;

        assignment.sessions = sessions;
        assignment.access = access;
        assignment.channels = channels;
        assignment.presence = presence;
        assignment.availability = availability;
        assignment.staff = staff;
        assignment.dispatcher = dispatcher;
        assignment.notes = notes;
        assignment.moves = moves;
        assignment.clock = clock;

        conversation.sessions = sessions;
        conversation.channels = channels;
        conversation.dispatcher = dispatcher;
        conversation.notes = notes;
        conversation.moves = moves;
        conversation.chat = chat;
        conversation.clock = clock;
        conversation.corrections = corrections;
        conversation.mail = mail;

        mail.outbox = mailbox;
        mail.widgets = widgets;
        mail.conversations = conversations;
        mail.portals = portals;
        mail.texts = texts;
        mail.queries = queries;

        transcripts.sessions = sessions;
        transcripts.conversations = conversations;
        transcripts.mail = mail;
        transcripts.notes = notes;
        transcripts.chat = chat;

        routing.intake = intake;
        routing.conversations = conversations;
        routing.clock = clock;

        timeouts.sessions = sessions;
        timeouts.channels = channels;
        timeouts.presence = presence;
        timeouts.availability = availability;
        timeouts.dispatcher = dispatcher;
        timeouts.notes = notes;
        timeouts.clock = clock;
        timeouts.changed = sessionChanges;

        queries.access = access;
        queries.sessions = sessions;
        queries.channels = channels;
        queries.presence = presence;
        queries.availability = availability;
        queries.conversations = conversations;
        queries.portals = portals;
        queries.notes = notes;
        queries.clock = clock;

        presenceService.presence = presence;
        presenceService.clock = clock;
        presenceService.changed = presenceChanges;

        operator("olga", "Olga Operator");
        operator("piotr", "Piotr Nowak");
        operator("anna", "Anna Kowalska");
        operator("zofia", "Zofia Wójcik");
        staff.store(new StaffAccount("id-mark", "mark", "Mark Manager", "hash", Set.of(StaffRole.MANAGER), START));

        portals.store(new Portal(PORTAL, "Example portal", PublicAddress.of("https://portal.example.com"),
                "licence", "1.0.0", SupportLocale.EN, new PortalCredentials("hash", "sealed"), START));
    }

    private void operator(String username, String name) {
        staff.store(new StaffAccount("id-" + username, username, name, "hash", Set.of(StaffRole.OPERATOR), START));
    }

    Instant now() {
        return clock.instant();
    }

    // ---- channels ----

    /** Everything a test may set on a channel; the defaults make a valid English STRICT channel. */
    static final class ChannelSpec {
        String name = "Support";
        String language = "en";
        boolean enabled = true;
        RoutingMode mode = RoutingMode.STRICT;
        int queueTimeSeconds = 30;
        int capacity = 2;
        boolean countOnlyAnswered;
        String timeZone = "Europe/Warsaw";
        String workingDays = "MON,TUE,WED,THU,FRI";
        String workingFrom = "08:00";
        String workingTo = "18:00";
        List<String> operators = List.of("olga", "piotr", "anna");
        String welcomeMessage;
        String outOfHoursMessage;
        List<String> daysOff = List.of();
        int autoCloseMinutes;
        boolean voteOnClose = true;

        ChannelSpec operators(String... usernames) {
            operators = List.of(usernames);
            return this;
        }

        OpenChannelSettings settings() {
            return new OpenChannelSettings(name, language, "commercial", enabled, mode, queueTimeSeconds, capacity,
                    countOnlyAnswered, timeZone, workingDays, workingFrom, workingTo, operators,
                    new SessionSettings(welcomeMessage, outOfHoursMessage, daysOff, autoCloseMinutes, voteOnClose,
                            List.of()));
        }
    }

    /** Stores a channel; its settings must be valid, except that it may be switched off. */
    OpenChannel channel(String id, Consumer<ChannelSpec> customize) {
        ChannelSpec spec = new ChannelSpec();
        customize.accept(spec);
        assertThat(OpenChannelRules.invalidFields(spec.settings(), u -> staff.findByUsername(u).isPresent()))
                .as("test channel settings").isSubsetOf(List.of("enabled"));
        specs.put(id, spec);
        OpenChannel channel = new OpenChannel(id, spec.settings());
        channels.store(channel);
        return channel;
    }

    /** A manager's edit of a stored channel, through the registry. */
    void updateChannel(String id, Consumer<ChannelSpec> change) {
        ChannelSpec spec = specs.get(id);
        change.accept(spec);
        assertThat(registry.update(id, spec.settings())).isPresent();
    }

    OpenChannel channel(String id) {
        return channels.find(id).orElseThrow();
    }

    // ---- operators ----

    /** The operator's console says hello and they go online; from now on their console keeps pinging. */
    void online(String... usernames) {
        for (String u : usernames) {
            presenceService.changeStatus(u, PresenceStatus.ONLINE);
            pinging.add(u);
        }
    }

    void status(String username, PresenceStatus status) {
        presenceService.changeStatus(username, status);
        pinging.add(username);
    }

    /** A presence row written directly, for the dispatcher's tables. */
    void presence(String username, PresenceStatus status, Instant lastSeen, Instant disconnectedAt,
                  Instant idleSince) {
        OperatorPresence p = new OperatorPresence(username, idleSince);
        p.changeStatus(status, idleSince);
        p.seen(lastSeen);
        if (disconnectedAt != null) {
            p.disconnected(disconnectedAt);
        }
        presence.store(p);
    }

    /** The operator's last console socket closes; their console no longer pings. */
    void disconnect(String username) {
        pinging.remove(username);
        presenceService.disconnected(username);
    }

    /** The console stays connected but no longer says anything. */
    void fallSilent(String username) {
        pinging.remove(username);
    }

    /** The console comes back and speaks again. */
    void reconnect(String username) {
        presenceService.seen(username);
        pinging.add(username);
    }

    /** Moves the clock; every console still pinging speaks at the new time. */
    void advance(long seconds) {
        clock.advanceSeconds(seconds);
        pinging.forEach(presenceService::seen);
    }

    /** Moves the clock and runs the routing beat at the new time. */
    void advanceAndBeat(long seconds) {
        advance(seconds);
        timeouts.beat();
    }

    // ---- administrators and sessions ----

    /** An administrator of the English portal asks; routing opens or continues the conversation's session. */
    SupportSession ask(String conversationId, String text) {
        if (conversations.find(conversationId).isEmpty()) {
            conversations.store(new Conversation(conversationId, PORTAL, "user-" + conversationId,
                    "Admin " + conversationId, now()));
        }
        long seq = chat.administratorWrites(conversationId);
        routing.asked(new SupportQuestion(PORTAL, conversationId, seq, text, SupportLocale.EN, now()));
        return sessions.openOfConversation(conversationId).orElseThrow();
    }

    /** An operator comes online, the administrator asks, the session is offered to them and they accept it. */
    SupportSession takenBy(String operator, String conversationId) {
        online(operator);
        SupportSession s = ask(conversationId, "Help");
        if (s.state() == SupportSessionState.WAITING) {
            throw new IllegalStateException("test setup: the session was not offered");
        }
        assignment.accept(operator, s.id());
        return s;
    }

    /** A session stored straight into the queue, without opening it through intake. */
    SupportSession queued(String id, String channelId, Instant askedAt) {
        SupportSession s = new SupportSession(id, "conv-" + id, PORTAL, channelId, "en", 1, "Question " + id,
                askedAt);
        sessions.store(s);
        return s;
    }

    /** A session an operator holds, in the given state (ASSIGNED or ANSWERED), or only has an offer of (OFFERED). */
    SupportSession held(String id, String channelId, String operator, SupportSessionState state) {
        SupportSession s = queued(id, channelId, now().minusSeconds(600));
        s.offer(List.of(operator), now().minusSeconds(600));
        if (state == SupportSessionState.OFFERED) {
            return s;
        }
        s.accept(operator, now().minusSeconds(590));
        if (state == SupportSessionState.ANSWERED) {
            s.operatorReplied(now().minusSeconds(580));
        } else if (state != SupportSessionState.ASSIGNED) {
            throw new IllegalArgumentException("Not a held state: " + state);
        }
        return s;
    }

    SupportSession session(String id) {
        return sessions.find(id).orElseThrow();
    }

    /** The call is refused with the code, as a person's request routing will not do. */
    static void refused(Code code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RoutingRefusal.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** What the bot said in the conversation, in order. */
    List<String> bot(String conversationId) {
        return chat.texts(conversationId, AuthorKind.BOT);
    }

    /** What the hub noted in the conversation ("Olga joined", "closed"…), in order. */
    List<String> system(String conversationId) {
        return chat.texts(conversationId, AuthorKind.SYSTEM);
    }

    /** The English text the bot or the hub says for a key. */
    String text(String key, Object... args) {
        return texts.text(SupportLocale.EN, key, args);
    }
}
