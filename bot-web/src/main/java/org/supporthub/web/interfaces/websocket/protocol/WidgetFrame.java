package org.supporthub.web.interfaces.websocket.protocol;

/**
 * The frames a widget sends on {@code /ws/chat} (docs/protocol.md, sections 3 and 8).
 */
public sealed interface WidgetFrame extends Frame
        permits Frame.Hello, Frame.Ping, Frame.Malformed, Frame.Unknown,
        WidgetFrame.Message, WidgetFrame.Command, WidgetFrame.Typing, WidgetFrame.Vote, WidgetFrame.Locale,
        WidgetFrame.Read, WidgetFrame.Leave {

    /**
     * {@code message}: the user wrote something; acknowledged once stored.
     *
     * @param clientMsgId the client's UUID for the message, which makes a resend harmless
     */
    record Message(String clientMsgId, String text) implements WidgetFrame {
    }

    /** {@code command}: a button of the widget ({@code activate}, {@code send-anyway}...). */
    record Command(String name, String clientMsgId) implements WidgetFrame {
    }

    /** {@code typing}: the administrator is typing; forwarded to the operator holding the session. */
    record Typing() implements WidgetFrame {
    }

    /**
     * {@code vote}: the administrator's verdict on a closed support session.
     *
     * @param value   {@code like} or {@code dislike}
     * @param comment optional
     */
    record Vote(String sessionId, String value, String comment) implements WidgetFrame {
    }

    /**
     * {@code locale}: the user picked the language the bot should speak to them (the widget's
     * {@code setLocale}); kept with their conversation.
     *
     * @param locale {@code pl} or {@code en}; anything else is refused with {@code INVALID_LOCALE}
     */
    record Locale(String locale) implements WidgetFrame {
    }

    /**
     * {@code read}: the user has read their conversation up to the message numbered {@code seq} (a read
     * receipt, shown to the operator).
     *
     * @param seq the highest sequence number read; 0 when missing or not a positive number (refused with
     *            {@code INVALID_SEQ})
     */
    record Read(long seq) implements WidgetFrame {
    }

    /**
     * {@code leave}: the administrator leaves their waiting question for support, to be answered by mail at
     * {@code email} while away (after the bot's {@code leave-for-later} action).
     *
     * @param email the address; refused with {@code INVALID_EMAIL} unless it looks like one
     */
    record Leave(String email) implements WidgetFrame {
    }
}
