package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.Label;
import org.supporthub.routing.application.SupportSessionQueries.WidgetSession;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coalescing, as the sockets see it: a burst of session moves in one channel costs one read of the
 * queue and one {@code session} frame per widget, and the consoles get one {@code sessionsDelta} with what
 * changed, not the whole list. The sockets, the queries and the scheduler are stand-ins that record.
 */
class SessionPushesTest {

    private static final int WIDGETS = 50;
    private static final String CHANNEL = "channel-1";

    /** Frames sent, by socket. */
    private final Map<Session, List<String>> sent = new ConcurrentHashMap<>();
    private final List<Runnable> scheduled = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    /** The queue as the stand-in database holds it: conversation ids in queue order. */
    private volatile List<String> queue = new ArrayList<>();

    private final ChatConnections chats = new ChatConnections();
    private final ConsoleConnections consoles = new ConsoleConnections();
    private final SessionPushes pushes = new SessionPushes();

    SessionPushesTest() {
        SupportSessionQueries queries = queries();
        chats.sessions = queries;
        consoles.queries = queries;
        pushes.chats = chats;
        pushes.consoles = consoles;
        pushes.windowMillis = 200;
        pushes.executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule") && args[0] instanceof Runnable r) {
                        scheduled.add(r);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aBurstOfMovesInOneChannelCostsOneReadOfItsQueueAndOneFramePerWidget() {
        List<Session> widgets = widgets();
        queue = conversations(0, WIDGETS);

        // A hundred moves (say: the head of the queue left, one after another) within one window.
        for (int i = 0; i < 100; i++) {
            pushes.sessionsMoved(new SessionChange("s-" + i, "gone-" + i, Set.of(CHANNEL)));
        }
        assertThat(scheduled).as("one flush scheduled for the whole burst").hasSize(1);
        assertThat(reads).as("a move itself reads nothing").isEmpty();

        queue = conversations(10, WIDGETS); // ten left meanwhile: everyone behind them moved up by ten
        scheduled.remove(0).run();

        assertThat(reads.get("queuedConversationsIn")).hasValue(1);
        assertThat(reads.get("forConversations")).hasValue(1);
        for (int i = 10; i < WIDGETS; i++) {
            List<String> frames = sent.get(widgets.get(i));
            assertThat(frames).as("frames of widget %d", i).hasSize(1);
            assertThat(frames.get(0)).contains("\"queuePosition\":" + (i - 9));
        }

        // The next move schedules the next flush; a widget whose position did not change gets nothing.
        pushes.sessionsMoved(new SessionChange("s-x", "gone-x", Set.of(CHANNEL)));
        assertThat(scheduled).hasSize(1);
        queue = conversations(11, WIDGETS);
        scheduled.remove(0).run();
        assertThat(sent.get(widgets.get(11))).hasSize(2).last().asString().contains("\"queuePosition\":1");
        assertThat(reads.get("forConversations")).hasValue(2);
    }

    @Test
    void aConsoleGetsTheWholeListOnceThenOnlyWhatChanged() {
        Session socket = socket();
        ConsoleConnection console = new ConsoleConnection(socket);
        console.authenticated(new StaffTokens.Operator("id-olga", "olga", "Olga", "t1", 1, Instant.now().plusSeconds(600)));
        consoles.register(console);
        queue = conversations(0, 3);
        consoles.fullSessions(console, "olga");
        assertThat(sent.get(socket)).hasSize(1).first().asString().startsWith("{\"type\":\"sessions\"");

        // The head leaves, a new question arrives: two positions move, one removed, one added.
        queue = List.of("conv-1", "conv-2", "conv-3");
        pushes.sessionsMoved(new SessionChange("s-0", "conv-0", Set.of(CHANNEL)));
        pushes.sessionsMoved(new SessionChange("s-3", "conv-3", Set.of(CHANNEL)));
        scheduled.remove(0).run();

        assertThat(sent.get(socket)).hasSize(2);
        String delta = sent.get(socket).get(1);
        assertThat(delta).startsWith("{\"type\":\"sessionsDelta\"").contains("\"removed\":[\"s-conv-0\"]");
        assertThat(Json.parse(delta).getJsonArray("added")).hasSize(1);
        assertThat(Json.parse(delta).getJsonArray("changed")).hasSize(2);

        // Nothing changed (only the waiting times did): nothing is sent.
        pushes.sessionsMoved(new SessionChange("s-1", "conv-1", Set.of(CHANNEL)));
        scheduled.remove(0).run();
        assertThat(sent.get(socket)).hasSize(2);
    }

    @Test
    void aConnectionReadsAGapFromTheDatabaseWithoutHoldingItsLock() {
        ChatConnection[] self = new ChatConnection[1];
        List<Boolean> lockedDuringRead = new CopyOnWriteArrayList<>();
        Session socket = socket();
        self[0] = new ChatConnection(socket, "https://portal.example", "hub.example");
        self[0].authenticated(new PortalUser("portal-1", "user-1", "Admin", true, List.of(),
                Optional.of(SupportLocale.EN)), "conv-1", SupportLocale.EN, after -> {
            lockedDuringRead.add(Thread.holdsLock(self[0]));
            List<OrderedFeed.Numbered> page = new ArrayList<>();
            for (long seq = after + 1; seq <= 3; seq++) {
                page.add(new OrderedFeed.Numbered(seq, "m" + seq));
            }
            return page;
        });
        self[0].replayed(0);

        // Messages 1 and 2 were stored by another instance: the push of 3 reads them first.
        self[0].push(3, "m3");
        self[0].catchUp(3);

        assertThat(sent.get(socket)).containsExactly("m1", "m2", "m3");
        assertThat(lockedDuringRead).isNotEmpty().containsOnly(false);
    }

    // ---- stand-ins ----------------------------------------------------------------------------------

    private List<Session> widgets() {
        List<Session> sockets = new ArrayList<>();
        for (int i = 0; i < WIDGETS; i++) {
            Session socket = socket();
            ChatConnection c = new ChatConnection(socket, "https://portal.example", "hub.example");
            c.authenticated(new PortalUser("portal-1", "user-" + i, "Admin " + i, true, List.of(),
                    Optional.of(SupportLocale.EN)), "conv-" + i, SupportLocale.EN, after -> List.of());
            chats.register(c);
            sockets.add(socket);
        }
        return sockets;
    }

    private static List<String> conversations(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("conv-" + i);
        }
        return ids;
    }

    private void read(String what) {
        reads.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private int position(String conversationId) {
        return queue.indexOf(conversationId) + 1;
    }

    private SupportSessionQueries queries() {
        return (SupportSessionQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SupportSessionQueries.class}, (proxy, method, args) -> {
                    read(method.getName());
                    switch (method.getName()) {
                        case "queuedConversationsIn" -> {
                            return Set.copyOf(queue);
                        }
                        case "forConversations" -> {
                            Map<String, WidgetSession> views = new HashMap<>();
                            for (Object id : (Collection<?>) args[0]) {
                                String c = (String) id;
                                int p = position(c);
                                views.put(c, new WidgetSession("s-" + c, p > 0 ? SupportSessionState.WAITING
                                        : SupportSessionState.CLOSED, p, null, false, false, null, false));
                            }
                            return views;
                        }
                        case "forOperator" -> {
                            return consoleList();
                        }
                        case "forOperators" -> {
                            Map<String, List<ConsoleSession>> lists = new HashMap<>();
                            ((Collection<?>) args[0]).forEach(o -> lists.put((String) o, consoleList()));
                            return lists;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private List<ConsoleSession> consoleList() {
        List<ConsoleSession> list = new ArrayList<>();
        for (String c : queue) {
            list.add(new ConsoleSession("s-" + c, c, "portal-1", "Portal", "Admin", CHANNEL, "Support",
                    SupportSessionState.WAITING, null, false, Instant.parse("2025-01-06T10:00:00Z"),
                    (long) (Math.random() * 1000), "Help", null, position(c), new Label("OTHER", "COVERED", 0.9, null)));
        }
        return list;
    }

    /** A socket that is always open and whose every send completes at once, recording the frame. */
    private Session socket() {
        return RecordingSockets.socket(sent);
    }

    /** JSON-P via the test classpath's provider. */
    private static final class Json {
        static jakarta.json.JsonObject parse(String text) {
            try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return r.readObject();
            }
        }
    }
}
