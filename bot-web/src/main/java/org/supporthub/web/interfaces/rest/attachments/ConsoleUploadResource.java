package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.AttachmentTexts;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.rest.OperatorAuthenticated;

import java.io.InputStream;
import java.util.Optional;

/** An operator's files into the session they hold (docs/protocol.md, section 13), with the console token. */
@Path("/v1/console/sessions/{sessionId}/attachments")
@RequestScoped
public class ConsoleUploadResource {

    @Inject
    AttachmentHttp http;

    @Inject
    AttachmentTexts texts;

    @Inject
    SupportSessionQueries sessions;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @OperatorAuthenticated
    public Response upload(@PathParam("sessionId") String sessionId, @QueryParam("clientMsgId") String clientMsgId,
                           InputStream body, @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        StaffTokens.Operator operator = (StaffTokens.Operator) request.getProperty(AttachmentHttp.OPERATOR);
        SupportLocale locale = http.staffLocale(operator.username(), headers);
        // As for a text reply: only the operator who holds the session now writes into its conversation.
        Optional<String> conversationId = sessions.conversationFor(operator.username(), sessionId)
                .filter(c -> sessions.ownerOfConversation(c).filter(operator.username()::equals).isPresent());
        if (conversationId.isEmpty()) {
            AttachmentHttp.drain(body);
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT), locale, texts);
        }
        return http.upload(conversationId.get(), AuthorKind.STAFF, operator.name(), clientMsgId, body,
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), locale);
    }
}
