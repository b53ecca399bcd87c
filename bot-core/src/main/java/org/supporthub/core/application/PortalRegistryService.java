package org.supporthub.core.application;

import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;

import java.util.Optional;

/** Registers portals, authenticates their servers and switches their support channel. */
public interface PortalRegistryService {

    /** Registers a portal; the returned secret is shown this once and cannot be read back later. */
    RegisteredPortal register(PortalRegistration registration);

    /**
     * Registers a portal under an id chosen by the caller, for an installation that must keep a known id
     * across restarts (the development demo portal).
     */
    RegisteredPortal register(String portalId, PortalRegistration registration);

    /**
     * The portal whose server presented these credentials, or empty when the id is unknown or the
     * secret is wrong (callers must not tell the two apart).
     */
    Optional<Portal> authenticate(String portalId, String secret);

    Optional<Portal> find(String portalId);

    /**
     * The source document's "Enable the support channel" checkbox. Enabling installs the plain bot;
     * disabling closes every chat of the portal with a message. Setting the current value again is a no-op.
     *
     * @return the bot's state afterwards
     */
    BotState setSupportChannel(String portalId, boolean enabled);

    /**
     * The portal's secret, for proofs the hub checks itself (the address challenge). No API ever returns
     * it; callers keep it only as long as the check runs.
     */
    byte[] portalSecret(Portal portal);

    /**
     * Replaces the portal's public address, licence key and product version, validated as at registration
     * (the name and locale of the registration are kept).
     *
     * @throws InvalidRegistrationException naming each bad field; nothing is changed
     */
    Portal updateSettings(String portalId, PortalRegistration settings);

    /** The portal's server reached the hub: the proof of reachability from the portal's side. */
    java.time.Instant heartbeat(String portalId);

    /**
     * Whether a web page of this origin may open the widget: the origin of a registered portal's proven
     * public address (or of its claimed one while it never proved any), see {@code Portal.widgetOrigin()}.
     */
    boolean isPortalOrigin(String origin);
}
