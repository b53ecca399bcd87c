package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.core.application.HubSettings;

import java.util.Locale;

/** What the landing page needs to know: the mode (whether the demo exists) and the version. */
@Path("/v1/info")
@RequestScoped
public class InfoResource {

    /** The hub's public facts. */
    public record Info(String mode, String version) {
    }

    @Inject
    HubSettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Info info() {
        String version = InfoResource.class.getPackage().getImplementationVersion();
        return new Info(settings.mode().name().toLowerCase(Locale.ROOT), version == null ? "dev" : version);
    }
}
