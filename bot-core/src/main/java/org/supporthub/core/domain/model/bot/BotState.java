package org.supporthub.core.domain.model.bot;

/**
 * Where a portal's support bot stands.
 *
 * <p>The source document installs the bot as an "ordinary (plain) bot" as soon as the portal ticks
 * "Enable the support channel"; only a successful activation connects it to the vendor's support.
 */
public enum BotState {
    /** The portal has not enabled the support channel: the bot does not talk to anyone. */
    DISABLED,
    /** The plain bot: greets, explains, offers activation. */
    INSTALLED,
    /** An activation is running its checks right now. */
    ACTIVATING,
    /** Activation succeeded: questions go to the vendor's support staff. */
    CONNECTED
}
