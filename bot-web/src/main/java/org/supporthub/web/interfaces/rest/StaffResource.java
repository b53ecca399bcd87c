package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.supporthub.core.application.StaffAccountService;
import org.supporthub.core.application.StaffAccountService.Actor;
import org.supporthub.core.application.UnknownStaffAccountException;
import org.supporthub.core.domain.model.staff.PasswordPolicy;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.StaffPresenceQueries;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Managers run the staff accounts here (docs in the README, "For the vendor's support managers"): create,
 * list, read, change roles, name and languages, disable and enable, reset the password, revoke console
 * logins, delete; read the audit trail of all of it; and see who is at their console now. JSON in and out, ready for a management page.
 */
@Path("/v1/admin/staff")
@RolesAllowed("manager")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    /** Upper bound of one page of accounts or audit entries. */
    static final int MAX_PAGE = 200;
    private static final String USERNAME = "[A-Za-z0-9._@-]{1,100}";

    /** A staff account as managers see it: never its password hash. */
    public record StaffView(String id, String username, String displayName, List<String> roles,
                            List<String> languages, boolean enabled, Instant createdAt) {
        static StaffView of(StaffAccount a) {
            return new StaffView(a.id(), a.username(), a.displayName(),
                    a.roles().stream().map(StaffRole::roleName).sorted().toList(),
                    a.languages().stream().map(StaffLanguage::tag).sorted().toList(), a.isEnabled(), a.createdAt());
        }
    }

    public record NewStaff(
            @NotNull @Pattern(regexp = USERNAME, message = "must be 1-100 letters, digits or . _ @ -") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty @Size(max = 2) List<@NotNull @Pattern(regexp = "operator|manager",
                    message = "must be 'operator' or 'manager'") String> roles,
            @NotEmpty @Size(max = 2) List<@NotNull @Pattern(regexp = "pl|en", message = "must be 'pl' or 'en'") String> languages,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password) {
    }

    public record Roles(@NotEmpty @Size(max = 2) List<@NotNull @Pattern(regexp = "operator|manager",
            message = "must be 'operator' or 'manager'") String> roles) {
    }

    public record Profile(@NotBlank @Size(max = 200) String displayName,
                          @NotEmpty @Size(max = 2) List<@NotNull @Pattern(regexp = "pl|en",
                                  message = "must be 'pl' or 'en'") String> languages) {
    }

    public record NewPassword(@NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
                              String password) {
    }

    public record Page<T>(List<T> items, int offset, int limit, long total) {
    }

    public record AuditView(String id, Instant at, String actor, String action, String accountId,
                            String accountUsername, String detail, String clientAddress) {
        static AuditView of(StaffAuditEntry e) {
            return new AuditView(e.id(), e.at(), e.actor(), e.action().name(), e.accountId(), e.accountUsername(),
                    e.detail(), e.clientAddress());
        }
    }

    @Inject
    StaffAccountService staff;

    @Inject
    StaffPresenceQueries presence;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    public List<StaffView> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_PAGE) int limit) {
        return staff.list(offset, limit).stream().map(StaffView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewStaff request) {
        StaffAccount created = staff.create(actor(), new StaffAccountService.NewStaffAccount(request.username(),
                request.displayName(), roles(request.roles()), languages(request.languages()), request.password()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(StaffView.of(created)).build();
    }

    /** The audit trail, newest first, a bounded page at a time. */
    @GET
    @Path("audit")
    public Page<AuditView> audit(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        return new Page<>(staff.audit(offset, limit).stream().map(AuditView::of).toList(), offset, limit,
                staff.auditSize());
    }

    /**
     * Who is at their console now: operators whose console is open and heard from within the silence limit,
     * their chosen status, and how many sessions each holds (one query).
     */
    @GET
    @Path("online")
    public List<StaffPresenceQueries.OnlineOperator> online() {
        return presence.onlineNow();
    }

    @GET
    @Path("{id}")
    public StaffView get(@PathParam("id") String id) {
        return staff.find(id).map(StaffView::of).orElseThrow(() -> new UnknownStaffAccountException(id));
    }

    @PUT
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView changeRoles(@PathParam("id") String id, @Valid @NotNull Roles request) {
        return StaffView.of(staff.changeRoles(actor(), id, roles(request.roles())));
    }

    @PUT
    @Path("{id}/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView changeProfile(@PathParam("id") String id, @Valid @NotNull Profile request) {
        return StaffView.of(staff.changeProfile(actor(), id, request.displayName(), languages(request.languages())));
    }

    @POST
    @Path("{id}/disable")
    public StaffView disable(@PathParam("id") String id) {
        return StaffView.of(staff.disable(actor(), id));
    }

    @POST
    @Path("{id}/enable")
    public StaffView enable(@PathParam("id") String id) {
        return StaffView.of(staff.enable(actor(), id));
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView resetPassword(@PathParam("id") String id, @Valid @NotNull NewPassword request) {
        return StaffView.of(staff.resetPassword(actor(), id, request.password()));
    }

    /** Ends every console login of the account (its open consoles close), without changing anything else. */
    @POST
    @Path("{id}/revoke-tokens")
    public StaffView revokeTokens(@PathParam("id") String id) {
        return StaffView.of(staff.revokeTokens(actor(), id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        staff.delete(actor(), id);
        return Response.noContent().build();
    }

    private Actor actor() {
        return new Actor(security.getUserPrincipal().getName(), http.getRemoteAddr());
    }

    private static Set<StaffRole> roles(List<String> names) {
        return names.stream().map(StaffRole::fromRoleName).collect(Collectors.toSet());
    }

    private static Set<StaffLanguage> languages(List<String> tags) {
        return tags.stream().map(StaffLanguage::fromTag).collect(Collectors.toSet());
    }
}
