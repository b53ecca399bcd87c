package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.supporthub.core.application.AttachmentService;
import org.supporthub.core.application.AttachmentTexts;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.rest.StaffAuthenticated;

import java.util.Optional;

/**
 * Links to a conversation's files for staff (docs/protocol.md, section 13): a manager; an operator who holds
 * the conversation's open session, or held the session the file was sent in. Having held another session of
 * the portal (the rule for reading its history) is not enough: a file is shown to the session's participants.
 */
@Path("/v1/console/attachments")
@RequestScoped
public class ConsoleAttachmentResource {

    @Inject
    AttachmentHttp http;

    @Inject
    AttachmentService attachments;

    @Inject
    AttachmentTexts texts;

    @Inject
    SupportSessionQueries sessions;

    @POST
    @Path("{id}/links")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Response links(@PathParam("id") String id, @Context ContainerRequestContext request,
                          @Context HttpHeaders headers, @Context UriInfo uri) {
        StaffTokens.StaffLogin login = (StaffTokens.StaffLogin) request.getProperty(AttachmentHttp.STAFF);
        SupportLocale locale = http.staffLocale(login.username(), headers);
        Optional<Attachment> attachment = attachments.find(id);
        if (attachment.isEmpty()) {
            return http.notFound(locale);
        }
        Attachment a = attachment.get();
        boolean manager = login.roles().contains(StaffRole.MANAGER.roleName());
        boolean operator = login.roles().contains(StaffRole.OPERATOR.roleName())
                && sessions.heldSessionOf(login.username(), a.conversationId(), a.messageSeq());
        if (!manager && !operator) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT), locale, texts);
        }
        return http.links(a, uri);
    }
}
