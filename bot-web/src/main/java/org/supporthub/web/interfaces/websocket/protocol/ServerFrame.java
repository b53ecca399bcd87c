package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;

/**
 * A frame the hub sends (docs/protocol.md, sections 4, 8 and 10): a record of exactly what the client is
 * told, which encodes itself with JSON-P. A property the protocol marks optional is left out when its value
 * is null; one it defines as nullable is written as {@code null}.
 *
 * <p>Frames are encoded to text once and the text queued: a message stored in a conversation goes to all
 * of its sockets as one string.
 */
public sealed interface ServerFrame permits WelcomeFrame, AckFrame, MessageFrame, SessionFrame, TypingFrame,
        StateFrame, ErrorFrame, PongFrame, ConsoleWelcomeFrame, SessionsFrame, SessionsDeltaFrame, PresenceFrame,
        LocaleFrame, ReadFrame, ReturnedFrame, OpenedFrame {

    /** The frame as the protocol's JSON object, {@code type} included. */
    JsonObject toJson();

    /** The frame's text, as sent on the socket. */
    default String encode() {
        return toJson().toString();
    }
}
