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
     * The key derived from the portal's secret for the address challenge, and for nothing else (it verifies
     * no token). No API ever returns it; callers keep it only as long as the check runs.
     */
    byte[] challengeKey(Portal portal);

    /**
     * Seals again, bound to their portal, the portal secrets still sealed in the legacy form (without the
     * portal's id as associated data). Run once at every start-up, before the hub serves: afterwards the
     * legacy form is refused everywhere. A legacy value that does not open, or opens to another portal's
     * secret, is left as it is and logged.
     *
     * @return how many were sealed again
     */
    int resealLegacySecrets();

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
