package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.OPTIONS;
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
import jakarta.ws.rs.core.UriInfo;
import org.supporthub.core.application.AttachmentService;
import org.supporthub.core.application.AttachmentTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.io.InputStream;

/**
 * The widget's files: uploads into the user's own conversation and links to that conversation's files, with
 * the portal-signed user token (docs/protocol.md, section 13). Cross-origin: the widget runs on the portal's
 * pages.
 */
@Path("/v1/widget/attachments")
@RequestScoped
public class WidgetAttachmentResource {

    @Inject
    AttachmentHttp http;

    @Inject
    AttachmentService attachments;

    @Inject
    AttachmentTexts texts;

    @Inject
    ChatService chat;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @WidgetAuthenticated
    public Response upload(@QueryParam("clientMsgId") String clientMsgId, InputStream body,
                           @Context ContainerRequestContext request) {
        UserTokenService.Verified who = AttachmentHttp.widgetUser(request);
        ChatOpening opening;
        try {
            opening = chat.open(who.user(), who.portal());
        } catch (SupportChannelDisabledException e) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT),
                    SupportLocale.EN, texts);
        }
        return http.upload(opening.conversationId(), AuthorKind.USER, who.user().name(), clientMsgId, body,
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getLength(), opening.locale());
    }

    @POST
    @Path("{id}/links")
    @Produces(MediaType.APPLICATION_JSON)
    @WidgetAuthenticated
    public Response links(@PathParam("id") String id, @Context ContainerRequestContext request, @Context UriInfo uri) {
        UserTokenService.Verified who = AttachmentHttp.widgetUser(request);
        ChatOpening opening;
        try {
            opening = chat.open(who.user(), who.portal());
        } catch (SupportChannelDisabledException e) {
            return http.notFound(SupportLocale.EN);
        }
        // The widget user's files are those of their own conversation, nobody else's.
        return attachments.find(id).filter(a -> a.conversationId().equals(opening.conversationId()))
                .map(a -> http.links(a, uri))
                .orElseGet(() -> http.notFound(opening.locale()));
    }

    /** The browser's preflight for the widget's cross-origin calls. */
    @OPTIONS
    public Response uploadPreflight(@Context HttpHeaders headers) {
        return http.preflight(headers);
    }

    @OPTIONS
    @Path("{id}/links")
    public Response linksPreflight(@Context HttpHeaders headers) {
        return http.preflight(headers);
    }
}
