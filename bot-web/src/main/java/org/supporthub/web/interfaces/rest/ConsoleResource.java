package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.UriInfo;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.supporthub.core.application.StaffAccountService;
import org.supporthub.core.application.UnknownStaffAccountException;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.ConsoleNotifications;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.application.SupportSessionQueries.HistoryWindow;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * The agent console's REST side: login of operators and managers (the password checked by Jakarta Security,
 * HTTP Basic; the answer names the account's roles), who am I, log-out (withdraws the token, and closes the
 * sockets that used it), the staff member's own preferences (the console's language), and the reads that
 * are downloads rather than
 * live updates: a session's transcript and a portal's history.
 */
@Path("/v1/console")
@RequestScoped
public class ConsoleResource {

    @Inject
    StaffTokens tokens;

    @Inject
    SupportSessionQueries queries;

    @Inject
    StaffAccountService staff;

    @Inject
    StaffAccountRepository accounts;

    /**
     * @param locale the console language the staff member chose ({@code pl}, {@code en}), or null (left out)
     *               while they chose none: the console then speaks the browser's language
     */
    public record OperatorView(String username, String name, String locale) {
        static OperatorView of(StaffAccount account) {
            return new OperatorView(account.username(), account.displayName(),
                    account.consoleLocale().map(StaffLanguage::tag).orElse(null));
        }
    }

    /** The staff member's own console preferences. */
    public record Preferences(@NotNull @Pattern(regexp = "pl|en", message = "must be 'pl' or 'en'") String locale) {
    }

    /**
     * Which of the console's notifications the staff member keeps on (issue 13): a desktop notification and
     * the tab title's count for new offers, new messages while the tab is hidden, and administrators who came
     * back; and the short sound with them. Every one is required, {@code true} or {@code false}.
     */
    public record Notifications(@NotNull Boolean offers, @NotNull Boolean messages, @NotNull Boolean returns,
                                @NotNull Boolean sound) {

        static Notifications of(ConsoleNotifications n) {
            return new Notifications(n.offers(), n.messages(), n.returns(), n.sound());
        }

        ConsoleNotifications choice() {
            return new ConsoleNotifications(offers, messages, returns, sound);
        }
    }

    /** Everything the staff member chose for their console, as {@code GET preferences} tells it. */
    public record PreferencesView(String locale, Notifications notifications) {
    }

    /**
     * @param roles the account's roles as the hub holds them: the console shows the sessions area to
     *              operators and the management area to managers (the APIs behind each check again)
     */
    public record Login(String token, OperatorView operator, List<String> roles, Instant expiresAt) {
    }

    /** Who a console login belongs to now: name and roles as stored, read again on every call. */
    public record Me(String username, String name, List<String> roles) {
    }

    @POST
    @Path("login")
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@Context SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            return Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Staff credentials required",
                    "Use HTTP Basic with an operator's or a manager's account");
        }
        return tokens.consoleAccount(principal.getName())
                .map(account -> {
                    StaffTokens.Issued issued = tokens.issue(account);
                    return Response.ok(new Login(issued.token(), OperatorView.of(account), roleNames(account.roles()),
                            issued.expiresAt())).build();
                })
                .orElseGet(() -> Problem.response(Response.Status.FORBIDDEN, "forbidden", "Operators and managers only",
                        "This account has neither the operator nor the manager role"));
    }

    /** The signed-in staff member's name and current roles: a reloaded console asks the hub, not its storage. */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Me me(@Context ContainerRequestContext request) {
        StaffTokens.StaffLogin login = login(request);
        return new Me(login.username(), login.name(), login.roles().stream().sorted().toList());
    }

    /** Ends this console login: the token is refused from now on, on every hub instance. */
    @POST
    @Path("logout")
    @StaffAuthenticated
    public Response logout(@Context ContainerRequestContext request, @Context HttpServletRequest http) {
        StaffTokens.StaffLogin login = login(request);
        staff.logOut(login.accountId(), login.tokenId(), login.expiresAt(), http.getRemoteAddr());
        return Response.noContent().build();
    }

    /**
     * The staff member's console preferences (operators' and managers' alike); {@code locale} is left out
     * while none was chosen.
     */
    @GET
    @Path("preferences")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Response preferences(@Context ContainerRequestContext request) {
        StaffAccount account = staff.find(login(request).accountId())
                .orElseThrow(() -> new UnknownStaffAccountException(login(request).accountId()));
        return Response.ok(new PreferencesView(account.consoleLocale().map(StaffLanguage::tag).orElse(null),
                Notifications.of(account.consoleNotifications()))).build();
    }

    /**
     * The staff member switches the console's notifications on or off: kept with their account, and told to
     * every console they open from now on (in its {@code welcome}). A missing or non-boolean field is a 400
     * problem naming it.
     */
    @PUT
    @Path("preferences/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Response chooseNotifications(@Valid @NotNull Notifications request,
                                        @Context ContainerRequestContext context) {
        StaffAccount account = staff.chooseConsoleNotifications(login(context).accountId(), request.choice());
        return Response.ok(Notifications.of(account.consoleNotifications())).build();
    }

    /**
     * The staff member picks the language of their console: kept with their account, so every later login
     * (in any browser) speaks it. Anything but {@code pl} or {@code en} is a 400 problem naming the field.
     */
    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Response choosePreferences(@Valid @NotNull Preferences request, @Context ContainerRequestContext context) {
        StaffAccount account = staff.chooseConsoleLocale(login(context).accountId(),
                StaffLanguage.fromTag(request.locale()));
        return Response.ok(new Preferences(account.consoleLocale().map(StaffLanguage::tag).orElseThrow())).build();
    }

    @GET
    @Path("sessions/{id}/transcript")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @OperatorAuthenticated
    public Response transcript(@PathParam("id") String sessionId, @Context ContainerRequestContext request) {
        return queries.transcript(operator(request).username(), sessionId)
                .map(text -> Response.ok(text).header("Content-Disposition",
                        "attachment; filename=\"transcript-" + sessionId.replaceAll("[^A-Za-z0-9-]", "") + ".txt\"")
                        .build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "not-found", "No such session",
                        "No session " + sessionId + " that you may read"));
    }

    /**
     * One page of a portal's conversations with their latest messages (the body stays a list; a
     * {@code Link: <...>; rel="next"} header points at the next page when there is one). Managers read any
     * portal's; an operator only that of portals they hold or have held a session of (403 otherwise).
     */
    @GET
    @Path("portals/{portalId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @OperatorAuthenticated
    public Response history(@PathParam("portalId") String portalId, @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("20") int size,
                            @QueryParam("messages") @DefaultValue("100") int messages,
                            @Context ContainerRequestContext request, @Context UriInfo uri) {
        String viewer = operator(request).username();
        return queries.portalHistory(viewer, isManager(viewer), portalId, new HistoryWindow(page, size, messages))
                .map(p -> {
                    Response.ResponseBuilder ok = Response.ok(p.conversations());
                    if (p.hasMore()) {
                        ok.link(uri.getRequestUriBuilder().replaceQueryParam("page", p.page() + 1)
                                .replaceQueryParam("size", p.size()).build(), "next");
                    }
                    return ok.build();
                })
                .orElseGet(ConsoleResource::notYourPortal);
    }

    /** Messages of one of the portal's conversations before a sequence number, at most {@code limit}. */
    @GET
    @Path("portals/{portalId}/history/{conversationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @OperatorAuthenticated
    public Response earlier(@PathParam("portalId") String portalId, @PathParam("conversationId") String conversationId,
                            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
                            @QueryParam("limit") @DefaultValue("100") int limit,
                            @Context ContainerRequestContext request) {
        String viewer = operator(request).username();
        return queries.earlierMessages(viewer, isManager(viewer), portalId, conversationId, before, limit)
                .map(h -> Response.ok(h).build())
                .orElseGet(ConsoleResource::notYourPortal);
    }

    private boolean isManager(String username) {
        return accounts.findByUsername(username).map(a -> a.roles().contains(StaffRole.MANAGER)).orElse(false);
    }

    private static Response notYourPortal() {
        // The same answer whether the portal exists or not: an operator learns nothing about other customers.
        return Problem.response(Response.Status.FORBIDDEN, "forbidden", "Not your portal",
                "Operators read the history of portals they hold or have held a session of");
    }

    private static List<String> roleNames(java.util.Set<StaffRole> roles) {
        return roles.stream().map(StaffRole::roleName).sorted().toList();
    }

    private static StaffTokens.StaffLogin login(ContainerRequestContext request) {
        return (StaffTokens.StaffLogin) request.getProperty(StaffTokenFilter.STAFF);
    }

    private static StaffTokens.Operator operator(ContainerRequestContext request) {
        return (StaffTokens.Operator) request.getProperty(OperatorTokenFilter.OPERATOR);
    }
}
