package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.core.application.ScopeTriage;

import java.util.List;

/** Managers read the support policy the bot and triage work from. */
@Path("/v1/admin/policy")
@RolesAllowed("manager")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    ScopeTriage triage;

    /** A policy item in both languages. */
    public record ItemView(String id, String area, String coverage, String en, String pl) {
    }

    @GET
    public List<ItemView> items() {
        return triage.policy().items().stream().map(i -> new ItemView(i.id(), i.area().name(), i.coverage().name(),
                i.english(), i.polish())).toList();
    }
}
