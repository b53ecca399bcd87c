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
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.rest.OperatorAuthenticated;

import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;

/** An operator's files into the session they hold (docs/protocol.md, section 13), with the console token. */
@Path("/v1/console/sessions/{sessionId}/attachments")
@RequestScoped
public class ConsoleUploadResource {

    private static final Logger LOG = Logger.getLogger(ConsoleUploadResource.class.getName());

    @Inject
    AttachmentHttp http;

    @Inject
    AttachmentTexts texts;

    @Inject
    SupportSessionQueries sessions;

    @Inject
    SessionConversationService conversation;

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
        Response stored = http.upload(conversationId.get(), AuthorKind.STAFF, operator.name(), clientMsgId, body,
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getLength(), locale);
        if (stored.getStatus() == Response.Status.CREATED.getStatusCode()) {
            // A file is the operator's reply as much as a text: it answers the session (first response), and
            // an administrator who went away is told by e-mail.
            AttachmentHttp.UploadAnswer answer = (AttachmentHttp.UploadAnswer) stored.getEntity();
            try {
                conversation.repliedWithFiles(operator.username(), sessionId, answer.seq(),
                        answer.attachments().stream().map(AttachedFile::name).toList());
            } catch (RoutingRefusal e) {
                // The session moved on (closed or handed over) while the file was uploading: the file stays
                // in the conversation, acknowledged, and the session's new state stands.
                LOG.info(() -> "File " + clientMsgId + " stored after session " + sessionId + " moved on: " + e.code());
            }
        }
        return stored;
    }
}
