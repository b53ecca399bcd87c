package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.domain.model.license.Edition;
import org.supporthub.core.domain.model.license.License;
import org.supporthub.core.application.LicenseService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Managers issue licence keys here, signed with the vendor's key this hub holds, and list the keys issued
 * so far (newest first, a page at a time).
 */
@Path("/v1/admin/licenses")
@RolesAllowed("manager")
@RequestScoped
public class LicenseResource {

    static final int MAX_PAGE = 200;

    /** What to license. */
    public record LicenseRequest(
            @NotBlank @Size(max = 200) String licensee,
            @NotBlank @Size(max = 253) String domain,
            @NotNull @Pattern(regexp = "commercial|demo", message = "must be 'commercial' or 'demo'") String edition,
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD") String expires,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be letters, digits, . _ -")
            String serial) {
    }

    /** The key, and what it grants; who issued it and when. */
    public record IssuedLicense(String id, String key, String licensee, String domain, String edition, String expires,
                                String serial, String issuedBy, Instant issuedAt) {
        static IssuedLicense of(org.supporthub.core.domain.model.license.IssuedLicense l) {
            return new IssuedLicense(l.id(), l.licenseKey(), l.licensee(), l.domain(), l.edition(),
                    l.expires().toString(), l.serial(), l.issuedBy(), l.issuedAt());
        }
    }

    public record Page(List<IssuedLicense> items, int offset, int limit, long total) {
    }

    @Inject
    LicenseService licenses;

    @Context
    SecurityContext security;

    /** One page of the licences issued, newest first; {@code q} matches licensee, domain or serial. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page list(@QueryParam("q") @Size(max = 200) String search,
                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        return new Page(licenses.issued(search, offset, limit).stream().map(IssuedLicense::of).toList(), offset, limit,
                licenses.countIssued(search));
    }

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(LicenseRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new Problem.FieldError("body", "must be a JSON object"));
        } else {
            for (ConstraintViolation<LicenseRequest> v : validator.validate(request)) {
                errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        License license = null;
        if (errors.isEmpty()) {
            try {
                license = new License(request.licensee(), request.domain(),
                        Edition.valueOf(request.edition().toUpperCase(Locale.ROOT)), LocalDate.parse(request.expires()),
                        request.serial() == null ? UUID.randomUUID().toString() : request.serial());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("expires", "is not a calendar date"));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("domain", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                    "The request is not valid", 400, errors.size() + " field(s) are not valid", errors));
        }
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(IssuedLicense.of(licenses.issue(security.getUserPrincipal().getName(), license))).build();
        } catch (LicenseService.NoSigningKeyException e) {
            return Problem.response(Response.Status.CONFLICT, "no-signing-key", "This hub does not issue licences",
                    e.getMessage());
        }
    }
}
