package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code error}: a frame was refused, the socket stays open (docs/protocol.md, sections 6 and 6a).
 *
 * @param code        what went wrong, for programs ({@code MALFORMED_JSON}, {@code TEXT_EMPTY}...)
 * @param message     the same for people, in English
 * @param clientMsgId the refused frame's message id, so the client knows which message failed; may be null
 * @param sessionId   the console's: the session the refused frame was about; may be null
 * @param rateLimit   for {@code RATE_LIMITED}: which limit refused it and when a resend will pass; else null
 */
public record ErrorFrame(String code, String message, String clientMsgId, String sessionId, RateLimit rateLimit)
        implements ServerFrame {

    /** The limit that refused a frame (section 6a) and how long until a resend passes. */
    public record RateLimit(String limit, long retryAfterMs) {
    }

    /** An error about no frame in particular. */
    public static ErrorFrame of(String code, String message) {
        return new ErrorFrame(code, message, null, null, null);
    }

    /** {@code RATE_LIMITED}: a limit refused the frame; nothing was stored or done. */
    public static ErrorFrame rateLimited(String message, String limit, long retryAfterMs) {
        return new ErrorFrame("RATE_LIMITED", message, null, null, new RateLimit(limit, retryAfterMs));
    }

    /** The same error, naming the refused frame's ids (each may be null). */
    public ErrorFrame about(String clientMsgId, String sessionId) {
        return new ErrorFrame(code, message, clientMsgId, sessionId, rateLimit);
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("type", "error")
                .add("code", code)
                .add("message", message);
        if (rateLimit != null) {
            b.add("limit", rateLimit.limit()).add("retryAfterMs", rateLimit.retryAfterMs());
        }
        if (clientMsgId != null) {
            b.add("clientMsgId", clientMsgId);
        }
        if (sessionId != null) {
            b.add("sessionId", sessionId);
        }
        return b.build();
    }
}
