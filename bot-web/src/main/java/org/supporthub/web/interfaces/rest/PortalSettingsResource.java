package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.core.application.InvalidRegistrationException;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.domain.model.portal.Portal;

import java.util.Map;

/**
 * The portal server reports changed settings: its public site address, licence key or product version
 * (after an update). Connected bots are re-checked periodically against them; a portal that had proven its
 * address and reports a new one is trusted there only once it proves that one too.
 */
@Path("/v1/portal/{portalId}/settings")
@PortalAuthenticated
@RequestScoped
public class PortalSettingsResource {

    /** The settings a portal can change. */
    public record PortalSettings(String publicAddress, String licenseKey, String productVersion) {
    }

    /**
     * The settings as stored. {@code verifiedAddress} is the address the portal last proved its own (absent
     * while it never proved one): a new {@code publicAddress} is trusted, and the widget's origin follows it,
     * only once the hub has proven it with the challenge over trusted TLS, which starts at once.
     */
    public record StoredSettings(String publicAddress, String productVersion, String botState, String verifiedAddress) {
    }

    @Inject
    PortalRegistryService registry;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public StoredSettings update(@PathParam("portalId") String portalId, PortalSettings settings) {
        if (settings == null) {
            throw new InvalidRegistrationException(Map.of("body", "must be a JSON object"));
        }
        Portal current = registry.find(portalId).orElseThrow();
        Portal updated = registry.updateSettings(portalId, new PortalRegistration(current.name(),
                settings.publicAddress(), settings.licenseKey(), settings.productVersion(), current.locale().tag()));
        return new StoredSettings(updated.publicAddress().value(), updated.productVersion(), updated.botState().name(),
                updated.verifiedAddress().map(a -> a.value()).orElse(null));
    }
}
