package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.activation.application.ActivationService;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.CheckRecord;
import org.supporthub.core.application.PortalRegistryService;

import java.time.Instant;
import java.util.List;

/** A portal server reads where its bot stands and why: the latest activation and each check's result. */
@Path("/v1/portal/{portalId}/activation/latest")
@PortalAuthenticated
@RequestScoped
public class ActivationResource {

    /** A failed check's stable code and detail code. */
    public record Error(String code, String detail) {
    }

    /** One check as run. */
    public record Check(String check, boolean passed, String code, String detail, long millis) {
    }

    /** The answer; {@code errors}, {@code checks} and times are empty or null before any activation. */
    public record LatestActivation(String state, String outcome, List<Error> errors, List<Check> checks,
                                   String requestedBy, Instant startedAt, Instant finishedAt) {
    }

    @Inject
    ActivationService activations;

    @Inject
    PortalRegistryService registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LatestActivation latest(@PathParam("portalId") String portalId) {
        String state = registry.find(portalId).orElseThrow().botState().name();
        return activations.latestReport(portalId).map(r -> view(state, r))
                .orElseGet(() -> new LatestActivation(state, null, List.of(), List.of(), null, null, null));
    }

    private static LatestActivation view(String state, ActivationReport r) {
        List<CheckRecord> checks = r.checks();
        // A failure of the run as a whole (interrupted, hub busy) comes first, then each failed check.
        List<Error> errors = java.util.stream.Stream.concat(
                r.errorCode().map(code -> new Error(code, r.errorDetail())).stream(),
                checks.stream().filter(c -> !c.passed()).map(c -> new Error(c.code(), c.detail()))).toList();
        return new LatestActivation(state, r.outcome(), errors,
                checks.stream().map(c -> new Check(c.area(), c.passed(), c.code(), c.detail(), c.millis())).toList(),
                r.requestedByName(), r.startedAt(), r.finishedAt());
    }
}
