package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/triage}: which policy area a question belongs to and whether support covers it.
 * For support staff and managers (HTTP Basic), so that scripts can use it too.
 */
@Path("/v1/triage")
@RolesAllowed({"operator", "manager"})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    @Inject
    ScopeTriage triage;

    /** A question to triage. */
    public record Question(String text, String locale) {
    }

    /** A policy item as the API shows it. */
    public record Item(String id, String area, String coverage, String text) {
        static Item of(PolicyItem item, SupportLocale locale) {
            return new Item(item.id(), item.area().name(), item.coverage().name(), item.text(locale));
        }
    }

    /** The verdict; {@code policyItem} is null when unclear. */
    public record Verdict(String area, String coverage, double confidence, Item policyItem) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response triage(Question question) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = question == null || question.text() == null ? "" : question.text().strip();
        if (text.isEmpty()) {
            errors.add(new Problem.FieldError("text", "must not be empty"));
        } else if (text.length() > ScopeTriage.MAX_TEXT_LENGTH) {
            errors.add(new Problem.FieldError("text", "must be at most " + ScopeTriage.MAX_TEXT_LENGTH + " characters"));
        }
        Optional<SupportLocale> locale = question == null || question.locale() == null ? Optional.empty()
                : Optional.of(question.locale()).filter(l -> l.equals("pl") || l.equals("en"))
                .flatMap(SupportLocale::fromTag);
        if (locale.isEmpty()) {
            errors.add(new Problem.FieldError("locale", "must be 'pl' or 'en'"));
        }
        if (!errors.isEmpty()) {
            return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                    "The request is not valid", 400, errors.size() + " field(s) are not valid", errors));
        }
        TriageResult result = triage.classify(text, locale.get());
        return Response.ok(new Verdict(result.area().map(Enum::name).orElse("UNCLEAR"),
                result.coverage().map(Enum::name).orElse("UNCLEAR"), Math.round(result.confidence() * 1000) / 1000.0,
                result.item().map(i -> Item.of(i, locale.get())).orElse(null))).build();
    }
}
