package org.supporthub.core.application;

/** A user's message as stored: its sequence number, and whether this was a resend of a stored one. */
public record PostedMessage(String clientMsgId, long seq, boolean duplicate) {
}
