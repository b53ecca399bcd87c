package org.supporthub.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A widget's socket, driven by a test: sends frames, collects what the hub sends, records the close. */
final class ChatClient implements AutoCloseable {

    static final long WAIT_SECONDS = 10;

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<int[]> closeCode = new CompletableFuture<>();
    volatile String closeReason;
    /** The conversation the hub named in {@code welcome}. */
    private volatile String conversationId;
    private final WebSocket socket;

    private ChatClient(HttpClient http, URI uri, String origin) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonObject f = Json.parse(partial.toString());
                    if ("welcome".equals(f.getString("type", "")) && f.containsKey("conversationId")) {
                        conversationId = f.getString("conversationId");
                    }
                    frames.add(f);
                    consoleList(f);
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeReason = reason;
                closeCode.complete(new int[]{statusCode});
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        }).join();
    }

    /**
     * A console's session list as the console page keeps it: replaced by a {@code sessions} frame, changed
     * by a {@code sessionsDelta}. After each delta the whole list that results is queued as a further
     * {@code sessions} frame marked {@code "derived": true}, so tests read "the console's list" whether the
     * hub sent it whole or as changes (the raw deltas are queued too, for tests of the protocol itself).
     */
    private final Map<String, JsonObject> consoleSessions = new LinkedHashMap<>();

    private void consoleList(JsonObject f) {
        if (type(f, "sessions")) {
            consoleSessions.clear();
            f.getJsonArray("sessions").getValuesAs(JsonObject.class)
                    .forEach(s -> consoleSessions.put(s.getString("sessionId"), s));
        } else if (type(f, "sessionsDelta")) {
            f.getJsonArray("removed").getValuesAs(jakarta.json.JsonString.class)
                    .forEach(id -> consoleSessions.remove(id.getString()));
            f.getJsonArray("added").getValuesAs(JsonObject.class)
                    .forEach(s -> consoleSessions.put(s.getString("sessionId"), s));
            f.getJsonArray("changed").getValuesAs(JsonObject.class)
                    .forEach(s -> consoleSessions.put(s.getString("sessionId"), s));
            jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
            consoleSessions.values().stream()
                    .sorted(java.util.Comparator.comparing((JsonObject s) -> java.time.Instant.parse(s.getString("askedAt")))
                            .thenComparing(s -> s.getString("sessionId")))
                    .forEach(list::add);
            frames.add(jakarta.json.Json.createObjectBuilder().add("type", "sessions").add("sessions", list)
                    .add("derived", true).build());
        }
    }

    static ChatClient connect(HubClient hub, String origin) {
        return new ChatClient(hub.http, hub.chatUri(), origin);
    }

    /** A console socket, from the hub's own origin as the console page has it. */
    static ChatClient console(HubClient hub) {
        return new ChatClient(hub.http, hub.chatUri().resolve("/ws/console"), hub.ownOrigin());
    }

    /** Sends a frame built from alternating names and values. */
    ChatClient frame(String type, String... namesAndValues) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder().add("type", type);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return send(b.build().toString());
    }

    ChatClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    ChatClient hello(String token, Long lastSeq) {
        return send("{\"type\":\"hello\",\"token\":\"" + token + "\"" + (lastSeq == null ? "" : ",\"lastSeq\":" + lastSeq) + "}");
    }

    String message(String text) {
        String id = UUID.randomUUID().toString();
        message(id, text);
        return id;
    }

    ChatClient message(String clientMsgId, String text) {
        return send(jakarta.json.Json.createObjectBuilder().add("type", "message").add("clientMsgId", clientMsgId)
                .add("text", text).build().toString());
    }

    /** The next frame, waiting a while for it. */
    JsonObject next() throws InterruptedException {
        return next(WAIT_SECONDS);
    }

    JsonObject next(long seconds) throws InterruptedException {
        JsonObject f = frames.poll(seconds, TimeUnit.SECONDS);
        if (f == null) {
            // Say whether the hub closed the socket meanwhile, and why: that is usually the story.
            String closed = closeCode.isDone() && !closeCode.isCompletedExceptionally()
                    ? " (the hub closed the socket: " + closeCode.join()[0] + " " + closeReason + ")" : "";
            throw new AssertionError("No frame within " + seconds + " s" + closed);
        }
        return f;
    }

    /** The next frame of this type, waiting up to {@code seconds} for each frame. */
    JsonObject nextOfType(String type, long seconds) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            JsonObject f;
            try {
                f = next(seconds);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " waiting for '" + type + "'; frames before: " + seen, e);
            }
            if (type.equals(f.getString("type"))) {
                return f;
            }
            seen.add(f);
        }
    }

    /** Frames up to and including the first one that matches; fails if none comes. */
    List<JsonObject> until(Predicate<JsonObject> match) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            JsonObject f;
            try {
                f = next();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; frames before: " + seen, e);
            }
            seen.add(f);
            if (match.test(f)) {
                return seen;
            }
        }
    }

    JsonObject nextOfType(String type) throws InterruptedException {
        List<JsonObject> seen = until(f -> type.equals(f.getString("type")));
        return seen.get(seen.size() - 1);
    }

    /** Nothing more arrives within a short while. */
    JsonObject poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The close code the hub sent, waiting for it. */
    int awaitClose() throws Exception {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS)[0];
    }

    String conversationId() {
        return conversationId;
    }

    static boolean type(JsonObject f, String type) {
        return type.equals(f.getString("type", ""));
    }

    @Override
    /** Closes as a browser does: a close frame the hub sees, then the connection goes. */
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
                closeCode.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the hub is gone already, or slow to answer: cut the connection anyway
            }
        }
        socket.abort();
    }
}
