package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.domain.model.staff.LoginLockout;
import org.supporthub.core.domain.model.staff.LoginLockoutRepository;
import org.supporthub.web.infrastructure.security.LoginThrottle;

import java.util.List;

/** Managers see which staff accounts failed logins locked, and lift a lock-out. */
@Path("/v1/admin/lockouts")
@RolesAllowed("manager")
@RequestScoped
public class LoginLockoutResource {

    /** At most this many locked accounts in one answer: there are never more staff than that. */
    static final int LIMIT = 500;

    /** A locked account: when, after how many failures, and the last address one came from. */
    public record LockedAccount(String username, int failures, String lockedAt, String lastFailureAt,
                                String lastClientAddress) {
        static LockedAccount of(LoginLockout l) {
            return new LockedAccount(l.username(), l.failures(), l.lockedAt().map(Object::toString).orElse(null),
                    l.lastFailureAt().toString(), l.lastClientAddress().orElse(null));
        }
    }

    @Inject
    LoginLockoutRepository lockouts;

    @Inject
    LoginThrottle throttle;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<LockedAccount> locked() {
        return lockouts.locked(LIMIT).stream().map(LockedAccount::of).toList();
    }

    @DELETE
    @Path("{username}")
    public Response lift(@PathParam("username") String username, @Context SecurityContext security,
                         @Context HttpServletRequest http) {
        if (!throttle.lift(username, security.getUserPrincipal().getName(), http.getRemoteAddr())) {
            return Problem.response(Response.Status.NOT_FOUND, "not-locked", "Not locked",
                    "This account has no failed logins to forget");
        }
        return Response.noContent().build();
    }
}
