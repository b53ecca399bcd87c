package org.supporthub.core.domain.model.bot;

/** What can happen to a portal's support bot; the {@link BotLifecycle} says what each does. */
public enum BotEvent {
    /** The portal ticked "Enable the support channel". */
    CHANNEL_ENABLED,
    /** The portal switched the support channel off. */
    CHANNEL_DISABLED,
    /** An administrator asked the bot to activate. */
    ACTIVATION_STARTED,
    /** Every activation check passed. */
    ACTIVATION_SUCCEEDED,
    /** At least one activation check failed. */
    ACTIVATION_FAILED,
    /** A periodic re-check of a connected portal failed (licence expired, address gone). */
    RECHECK_FAILED,
    /** The periodic re-check passes again for a portal that only a re-check had disconnected. */
    RECHECK_PASSED
}
