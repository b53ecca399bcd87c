package org.supporthub.activation.domain.model;

/**
 * What must be proved before a portal's bot may be called connected: one area for each thing the source
 * document says can stop support from working ("Connecting support", "Connection errors", "Important
 * points"). An activation that has no check for some area must not claim a connection.
 */
public enum CheckArea {
    /** "Enable the support channel" is ticked. */
    SUPPORT_CHANNEL,
    /** Only the portal administrator can talk to support. */
    ADMINISTRATOR,
    /** The public site address is an https:// address that exists and is not local. */
    PUBLIC_ADDRESS,
    /** The hub reaches the portal at its public address, over HTTPS with a valid certificate, and it answers as that portal. */
    HUB_REACHES_PORTAL,
    /** The portal's server reaches the hub (a recent heartbeat signed with its secret). */
    PORTAL_REACHES_HUB,
    /** A commercial, unexpired licence for this portal. */
    LICENSE,
    /** The open channel that serves the portal exists and is valid. */
    OPEN_CHANNEL,
    /** The administrator can receive messages (member of "Employees"). */
    MEMBERSHIP,
    /** All stable updates are installed. */
    UPDATES
}
