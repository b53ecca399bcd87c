package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.supporthub.core.application.TriageLearning;
import org.supporthub.routing.application.TriageCorrectionService;
import org.supporthub.routing.application.UnknownTriageCorrectionException;
import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.TriageCorrection;

import java.time.Instant;
import java.util.List;

/**
 * Managers review operators' corrections of triage labels (docs/triage.md, "Learning"): list them with
 * the question, the classifier's label and the corrected one; accept one as a training example, or dismiss
 * it, once. And see which model version this instance's classifier follows.
 */
@Path("/v1/admin/triage")
@RolesAllowed("manager")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TriageCorrectionResource {

    static final int MAX_PAGE = 200;

    /** A label: area and coverage, or {@code UNCLEAR} for both. */
    public record Label(String area, String coverage) {
    }

    /** A correction as managers see it; {@code triaged} null when the classifier's label was not recorded. */
    public record CorrectionView(String id, String sessionId, String question, String locale, Label triaged,
                                 Label corrected, String operator, Instant createdAt, String status,
                                 String decidedBy, Instant decidedAt, String policyItem) {
        static CorrectionView of(TriageCorrection c) {
            Label triaged = c.triagedArea().isPresent() || c.triagedCoverage().isPresent()
                    ? new Label(c.triagedArea().orElse("UNCLEAR"), c.triagedCoverage().orElse("UNCLEAR"))
                    : null;
            return new CorrectionView(c.id(), c.sessionId(), c.question(), c.locale(), triaged,
                    new Label(c.area(), c.coverage()), c.operator(), c.createdAt(), c.status().name(),
                    c.decidedBy().orElse(null), c.decidedAt().orElse(null), c.policyItem().orElse(null));
        }
    }

    public record Page<T>(List<T> items, int offset, int limit, long total) {
    }

    /**
     * @param version      the model version in the database (advanced with each accepted correction)
     * @param builtVersion the version this instance's classifier was built from; behind {@code version}
     *                     for a moment after an accept, while it rebuilds
     * @param learned      learned questions in this instance's classifier
     */
    public record ModelView(long version, long builtVersion, int learned) {
    }

    @Inject
    TriageCorrectionService corrections;

    @Inject
    TriageLearning learning;

    @Context
    SecurityContext security;

    /** Newest first; {@code status} one of PENDING, ACCEPTED, DISMISSED, or left out for all. */
    @GET
    @Path("corrections")
    public Page<CorrectionView> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|ACCEPTED|DISMISSED",
                    message = "must be PENDING, ACCEPTED or DISMISSED") String status,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        CorrectionStatus s = status == null ? null : CorrectionStatus.valueOf(status);
        return new Page<>(corrections.list(s, offset, limit).stream().map(CorrectionView::of).toList(), offset, limit,
                corrections.count(s));
    }

    @GET
    @Path("corrections/{id}")
    public CorrectionView get(@PathParam("id") String id) {
        return corrections.find(id).map(CorrectionView::of).orElseThrow(() -> new UnknownTriageCorrectionException(id));
    }

    /** The question becomes a training example; every instance's classifier learns it within seconds. */
    @POST
    @Path("corrections/{id}/accept")
    public CorrectionView accept(@PathParam("id") String id) {
        return CorrectionView.of(corrections.accept(manager(), id));
    }

    @POST
    @Path("corrections/{id}/dismiss")
    public CorrectionView dismiss(@PathParam("id") String id) {
        return CorrectionView.of(corrections.dismiss(manager(), id));
    }

    @GET
    @Path("model")
    public ModelView model() {
        return new ModelView(corrections.modelVersion(), learning.modelVersion(), learning.learnedCount());
    }

    private String manager() {
        return security.getUserPrincipal().getName();
    }
}
