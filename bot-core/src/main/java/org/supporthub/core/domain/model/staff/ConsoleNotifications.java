package org.supporthub.core.domain.model.staff;

/**
 * What an operator's agent console draws their attention to, as they chose it for their account: a desktop
 * notification (and the tab title's count) for a new offer, for a new message in one of their sessions while
 * the console's tab is hidden, and for an administrator who came back to a session; and whether a short
 * sound goes with them. All on until the operator switches one off.
 */
public record ConsoleNotifications(boolean offers, boolean messages, boolean returns, boolean sound) {

    public static final ConsoleNotifications ALL_ON = new ConsoleNotifications(true, true, true, true);
}
