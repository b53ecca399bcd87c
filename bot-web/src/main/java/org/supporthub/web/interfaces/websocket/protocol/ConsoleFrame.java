package org.supporthub.web.interfaces.websocket.protocol;

/**
 * The frames an agent console sends on {@code /ws/console} (docs/protocol.md, section 10).
 */
public sealed interface ConsoleFrame extends Frame
        permits Frame.Hello, Frame.Ping, Frame.Malformed, Frame.Unknown,
        ConsoleFrame.Status, ConsoleFrame.Accept, ConsoleFrame.Skip, ConsoleFrame.Open, ConsoleFrame.Message,
        ConsoleFrame.Typing, ConsoleFrame.Transfer, ConsoleFrame.Close, ConsoleFrame.Label, ConsoleFrame.Sessions,
        ConsoleFrame.Read {

    /** {@code status}: the operator's presence, {@code ONLINE}, {@code AWAY} or {@code OFFLINE} as sent. */
    record Status(String status) implements ConsoleFrame {
    }

    /** {@code accept}: take an offered session, or pick a waiting one in a manual channel. */
    record Accept(String sessionId) implements ConsoleFrame {
    }

    /** {@code skip}: decline an offer, which moves on. */
    record Skip(String sessionId) implements ConsoleFrame {
    }

    /** {@code open}: follow the session's conversation, replayed after {@code lastSeq}, then live. */
    record Open(String sessionId, long lastSeq) implements ConsoleFrame {
    }

    /** {@code message}: the operator's reply, acknowledged once stored. */
    record Message(String sessionId, String clientMsgId, String text) implements ConsoleFrame {
    }

    /** {@code typing}: the operator is typing; forwarded to the administrator's widget. */
    record Typing(String sessionId) implements ConsoleFrame {
    }

    /**
     * {@code transfer}: hand the session to another operator or another channel's queue.
     *
     * @param note shown to staff only
     */
    record Transfer(String sessionId, String toOperator, String toChannel, String note) implements ConsoleFrame {
    }

    /** {@code close}: end the session. */
    record Close(String sessionId) implements ConsoleFrame {
    }

    /** {@code label}: the operator's correction of the triage label (area and coverage as sent). */
    record Label(String sessionId, String area, String coverage) implements ConsoleFrame {
    }

    /** {@code sessions}: the full list again, for a console that lost track of it. */
    record Sessions() implements ConsoleFrame {
    }

    /**
     * {@code read}: the operator has read a conversation they opened up to the message numbered {@code seq}
     * (a read receipt, shown to the administrator). Only the operator holding its session moves the mark.
     *
     * @param seq the highest sequence number read; 0 when missing or not a positive number
     */
    record Read(String conversationId, long seq) implements ConsoleFrame {
    }
}
