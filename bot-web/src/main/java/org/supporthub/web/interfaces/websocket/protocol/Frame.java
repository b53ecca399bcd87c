package org.supporthub.web.interfaces.websocket.protocol;

/**
 * A frame a client sent, decoded: one record per frame type of the protocol (docs/protocol.md, sections 3
 * and 10). Each socket has its own family ({@link WidgetFrame}, {@link ConsoleFrame}); the records here
 * belong to both.
 *
 * <p>A field the protocol defines as a string but that arrived as something else (a number, an array) is
 * read as absent, so that the handler refuses it with the error that names the field
 * ({@code INVALID_CLIENT_MSG_ID}, {@code TEXT_EMPTY}...), as for a missing one.
 */
public sealed interface Frame permits WidgetFrame, ConsoleFrame {

    /** The client's id of the message the frame carries, which answers to it repeat; null when none. */
    default String clientMsgId() {
        return null;
    }

    /** The support session the frame is about, which a console's answers repeat; null when none. */
    default String sessionId() {
        return null;
    }

    /**
     * {@code hello}: the first frame of every socket, proving who is on it.
     *
     * @param token   the portal-signed user token (widget) or the hub-signed staff token (console)
     * @param lastSeq the highest sequence number the widget already has (0: none); the console resumes per
     *                conversation with {@code open} instead and ignores it
     */
    record Hello(String token, long lastSeq) implements WidgetFrame, ConsoleFrame {
    }

    /** {@code ping}: answered with {@code pong}; it also keeps the socket from being idle. */
    record Ping() implements WidgetFrame, ConsoleFrame {
    }

    /**
     * Text that is no frame: not one complete JSON object, nested too deep, or holding an absurd number.
     * Answered with {@code MALFORMED_JSON} (before {@code hello}: close 1008).
     */
    record Malformed() implements WidgetFrame, ConsoleFrame {
    }

    /**
     * A JSON object whose {@code type} this socket does not know (or that has none). Answered with
     * {@code UNKNOWN_TYPE}.
     *
     * @param type the type as sent, or null when missing or not a string
     */
    record Unknown(String type) implements WidgetFrame, ConsoleFrame {
    }
}
