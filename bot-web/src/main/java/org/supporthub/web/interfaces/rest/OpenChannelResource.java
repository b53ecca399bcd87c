package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.routing.application.InvalidOpenChannelException;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRules;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;
import org.supporthub.routing.domain.model.channel.CannedResponse;
import org.supporthub.routing.domain.model.channel.SessionSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Managers keep the registry of open channels. A refused channel answers {@code 400} problem+json whose
 * {@code errors} name each bad field (its JSON name; {@code cannedResponses[1].title} for a part of a list)
 * with what it asks for, so that a form shows each message at its field.
 */
@Path("/v1/admin/open-channels")
@RolesAllowed("manager")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpenChannelResource {

    /** An open channel as managers read and write it. */
    public record OpenChannelView(
            String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "pl|en", message = "must be 'pl' or 'en'") String language,
            @NotNull @Pattern(regexp = "commercial", message = "must be 'commercial'") String edition,
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = "STRICT|EVENLY|ALL|MANUAL", message = "must be STRICT, EVENLY, ALL or MANUAL")
            String routingMode,
            @NotNull @Min(OpenChannelRules.MIN_QUEUE_TIME) @Max(OpenChannelRules.MAX_QUEUE_TIME) Integer queueTimeSeconds,
            @NotNull @Min(OpenChannelRules.MIN_CAPACITY) @Max(OpenChannelRules.MAX_CAPACITY) Integer capacity,
            @NotNull Boolean countOnlyAnswered,
            @NotBlank String timeZone,
            @NotBlank String workingDays,
            @NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String workingFrom,
            @NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String workingTo,
            @NotEmpty List<@NotBlank String> operators,
            @Size(max = SessionSettings.MAX_MESSAGE) String welcomeMessage,
            @Size(max = SessionSettings.MAX_MESSAGE) String outOfHoursMessage,
            List<@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be yyyy-MM-dd") String> daysOff,
            @Min(0) @Max(SessionSettings.MAX_AUTO_CLOSE_MINUTES) Integer autoCloseMinutes,
            Boolean voteOnClose,
            @Size(max = SessionSettings.MAX_CANNED) List<@NotNull CannedView> cannedResponses) {

        OpenChannelSettings settings() {
            SessionSettings defaults = SessionSettings.defaults();
            SessionSettings session = new SessionSettings(welcomeMessage, outOfHoursMessage,
                    daysOff == null ? List.of() : daysOff,
                    autoCloseMinutes == null ? defaults.autoCloseMinutes() : autoCloseMinutes,
                    voteOnClose == null ? defaults.voteOnClose() : voteOnClose,
                    cannedResponses == null ? List.of()
                            : cannedResponses.stream().map(c -> new CannedResponse(c.title(), c.text())).toList());
            return new OpenChannelSettings(name, language, edition, enabled, RoutingMode.valueOf(routingMode),
                    queueTimeSeconds, capacity, countOnlyAnswered, timeZone, workingDays, workingFrom, workingTo,
                    operators, session);
        }

        static OpenChannelView of(OpenChannel c) {
            OpenChannelSettings s = c.settings();
            SessionSettings session = s.session();
            return new OpenChannelView(c.id(), s.name(), s.language(), s.edition(), s.enabled(),
                    s.routingMode() == null ? null : s.routingMode().name(), s.queueTimeSeconds(), s.capacity(),
                    s.countOnlyAnswered(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators(),
                    session.welcomeMessage(), session.outOfHoursMessage(), session.daysOff(),
                    session.autoCloseMinutes(), session.voteOnClose(),
                    session.cannedResponses().stream().map(r -> new CannedView(r.title(), r.text())).toList());
        }
    }

    /** A canned response as managers write it. */
    public record CannedView(@NotBlank @Size(max = CannedResponse.MAX_TITLE) String title,
                             @NotBlank @Size(max = CannedResponse.MAX_TEXT) String text) {
    }

    @Inject
    OpenChannelRegistry registry;

    @Inject
    Validator validator;

    @GET
    public List<OpenChannelView> list() {
        return registry.all().stream().map(OpenChannelView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(OpenChannelView view) {
        return validated(view, () -> Response.status(Response.Status.CREATED)
                .entity(OpenChannelView.of(registry.create(view.settings()))).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, OpenChannelView view) {
        return validated(view, () -> registry.update(id, view.settings())
                .map(c -> Response.ok(OpenChannelView.of(c)).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "not-found", "No such open channel", id)));
    }

    private Response validated(OpenChannelView view, java.util.function.Supplier<Response> action) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (view == null) {
            errors.add(new Problem.FieldError("body", "must be a JSON object"));
        } else {
            for (ConstraintViolation<OpenChannelView> v : validator.validate(view)) {
                errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            try {
                return action.get();
            } catch (InvalidOpenChannelException e) {
                e.fields().forEach(f -> errors.add(new Problem.FieldError(f, OpenChannelRules.whatIsAsked(f))));
            }
        }
        return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                "The request is not valid", 400, errors.size() + " field(s) are not valid", errors));
    }
}
