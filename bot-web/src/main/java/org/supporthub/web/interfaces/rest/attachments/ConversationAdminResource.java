package org.supporthub.web.interfaces.rest.attachments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.ConversationDeletion;
import org.supporthub.web.interfaces.rest.Problem;

/**
 * {@code DELETE /api/v1/admin/conversations/{id}}: a manager deletes a conversation for good, with its
 * messages, support sessions and files ({@code 204}; {@code 404} when there is none).
 */
@Path("/v1/admin/conversations")
@RolesAllowed("manager")
@RequestScoped
public class ConversationAdminResource {

    @Inject
    ConversationDeletion deletion;

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return deletion.delete(id) ? Response.noContent().build()
                : Problem.response(Response.Status.NOT_FOUND, "not-found", "No such conversation",
                "There is no conversation " + id);
    }
}
