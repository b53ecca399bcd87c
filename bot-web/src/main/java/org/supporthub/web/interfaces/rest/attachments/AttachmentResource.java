package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.supporthub.core.application.AttachmentService.Uploaded;
import org.supporthub.core.application.AttachmentSettings;
import org.supporthub.core.application.AttachmentTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentLimits;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.attachment.AttachmentRefusedException;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks.Variant;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.rest.OperatorAuthenticated;
import org.supporthub.web.interfaces.rest.Problem;
import org.supporthub.web.interfaces.rest.StaffAuthenticated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Files in the conversation over HTTP (docs/protocol.md, section 13).
 *
 * <ul>
 *   <li>The widget uploads with its portal-signed token: the file goes into that user's own conversation.</li>
 *   <li>The console uploads with an operator's token into a session the operator holds now.</li>
 *   <li>A participant asks for a short-lived signed link (the widget user of the conversation; an operator
 *       who holds or has held a session of its portal; a manager); the link alone then opens the file.</li>
 * </ul>
 * Every refusal is {@code application/problem+json} with a message in the caller's language.
 */
@Path("/v1")
@RequestScoped
public class AttachmentResource {

    /** Room for the multipart framing and a caption around the files themselves. */
    static final int FORM_OVERHEAD = 64 * 1024;

    @Inject
    AttachmentService attachments;

    @Inject
    AttachmentSettings settings;

    @Inject
    AttachmentTexts texts;

    @Inject
    AttachmentLinks links;

    @Inject
    ChatService chat;

    @Inject
    SupportSessionQueries sessions;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    PortalRegistryService portals;

    /** The upload's answer: the stored message (201), or the one stored first under this client id (200). */
    public record UploadAnswer(String conversationId, String clientMsgId, long seq, boolean duplicate,
                               List<AttachedFile> attachments) {
        static UploadAnswer of(Uploaded u) {
            return new UploadAnswer(u.conversationId(), u.clientMsgId(), u.seq(), u.duplicate(), u.files());
        }
    }

    /**
     * Signed links to a file, each usable for {@link AttachmentLinks#LIFETIME}.
     *
     * @param thumbnailUrl null when the hub draws no thumbnail of the file
     */
    public record Links(String url, String thumbnailUrl, Instant expiresAt) {
    }

    // ---- widget ------------------------------------------------------------------------------------

    @POST
    @Path("widget/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @WidgetAuthenticated
    public Response widgetUpload(@QueryParam("clientMsgId") String clientMsgId, InputStream body,
                                 @Context ContainerRequestContext request) {
        UserTokenService.Verified who = widgetUser(request);
        ChatOpening opening;
        try {
            opening = chat.open(who.user(), who.portal());
        } catch (SupportChannelDisabledException e) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT),
                    SupportLocale.EN, texts);
        }
        return upload(opening.conversationId(), AuthorKind.USER, who.user().name(), clientMsgId, body,
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), opening.locale());
    }

    @POST
    @Path("widget/attachments/{id}/links")
    @Produces(MediaType.APPLICATION_JSON)
    @WidgetAuthenticated
    public Response widgetLinks(@PathParam("id") String id, @Context ContainerRequestContext request,
                                @Context UriInfo uri) {
        UserTokenService.Verified who = widgetUser(request);
        ChatOpening opening;
        try {
            opening = chat.open(who.user(), who.portal());
        } catch (SupportChannelDisabledException e) {
            return notFound(SupportLocale.EN);
        }
        // The widget user's files are those of their own conversation, nobody else's.
        return attachments.find(id).filter(a -> a.conversationId().equals(opening.conversationId()))
                .map(a -> links(a, uri))
                .orElseGet(() -> notFound(opening.locale()));
    }

    /** The browser's preflight for the widget's cross-origin calls. */
    @OPTIONS
    @Path("widget/attachments")
    public Response widgetUploadPreflight(@Context HttpHeaders headers) {
        return preflight(headers);
    }

    @OPTIONS
    @Path("widget/attachments/{id}/links")
    public Response widgetLinksPreflight(@Context HttpHeaders headers) {
        return preflight(headers);
    }

    // ---- console -----------------------------------------------------------------------------------

    @POST
    @Path("console/sessions/{sessionId}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @OperatorAuthenticated
    public Response consoleUpload(@PathParam("sessionId") String sessionId,
                                  @QueryParam("clientMsgId") String clientMsgId, InputStream body,
                                  @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        StaffTokens.Operator operator = (StaffTokens.Operator) request.getProperty("supporthub.operator");
        SupportLocale locale = staffLocale(operator.username(), headers);
        // As for a text reply: only the operator who holds the session now writes into its conversation.
        Optional<String> conversationId = sessions.conversationFor(operator.username(), sessionId)
                .filter(c -> sessions.ownerOfConversation(c).filter(operator.username()::equals).isPresent());
        if (conversationId.isEmpty()) {
            drain(body);
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT), locale, texts);
        }
        return upload(conversationId.get(), AuthorKind.STAFF, operator.name(), clientMsgId, body,
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), locale);
    }

    @POST
    @Path("console/attachments/{id}/links")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffAuthenticated
    public Response consoleLinks(@PathParam("id") String id, @Context ContainerRequestContext request,
                                 @Context HttpHeaders headers, @Context UriInfo uri) {
        StaffTokens.StaffLogin login = (StaffTokens.StaffLogin) request.getProperty("supporthub.staff");
        SupportLocale locale = staffLocale(login.username(), headers);
        Optional<Attachment> attachment = attachments.find(id);
        if (attachment.isEmpty()) {
            return notFound(locale);
        }
        Attachment a = attachment.get();
        boolean manager = login.roles().contains(StaffRole.MANAGER.roleName());
        boolean operator = login.roles().contains(StaffRole.OPERATOR.roleName())
                && (sessions.ownerOfConversation(a.conversationId()).filter(login.username()::equals).isPresent()
                || sessions.hasHeldPortal(login.username(), a.portalId()));
        if (!manager && !operator) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.NOT_PARTICIPANT), locale, texts);
        }
        return links(a, uri);
    }

    // ---- shared ------------------------------------------------------------------------------------

    private Response upload(String conversationId, AuthorKind kind, String author, String clientMsgId,
                            InputStream body, String contentType, SupportLocale locale) {
        AttachmentLimits limits = settings.limits();
        // Bounded before parsing: one file over the limit, or more files than a message may carry, ends here.
        long budget = (limits.maxFilesPerMessage() + 1L) * limits.maxFileBytes() + FORM_OVERHEAD;
        try {
            byte[] raw = readAtMost(body, budget);
            if (raw == null) {
                return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.FILE_TOO_LARGE,
                        AttachmentLimits.megabytes(limits.maxFileBytes())), locale, texts);
            }
            List<MultipartForm.Part> parts = MultipartForm.parse(contentType, raw);
            List<AttachmentService.IncomingFile> files = new ArrayList<>();
            String text = null;
            String formClientMsgId = null;
            for (MultipartForm.Part p : parts) {
                if (p.isFile() && "file".equals(p.name())) {
                    files.add(new AttachmentService.IncomingFile(p.fileName(), p.content()));
                } else if (!p.isFile() && "text".equals(p.name())) {
                    text = p.text();
                } else if (!p.isFile() && "clientMsgId".equals(p.name())) {
                    formClientMsgId = p.text().trim();
                }
            }
            Uploaded uploaded = attachments.upload(conversationId, kind, author,
                    clientMsgId != null ? clientMsgId : formClientMsgId, text, files);
            return Response.status(uploaded.duplicate() ? 200 : 201).entity(UploadAnswer.of(uploaded)).build();
        } catch (MultipartForm.MalformedException e) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.MALFORMED_UPLOAD), locale, texts);
        } catch (AttachmentRefusedException e) {
            return AttachmentProblems.of(e.refusal(), locale, texts);
        } catch (IOException e) {
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.MALFORMED_UPLOAD), locale, texts);
        }
    }

    private Response links(Attachment a, UriInfo uri) {
        AttachmentLinks.Signed file = links.sign(a.id(), Variant.FILE);
        String thumbnail = null;
        if (a.type().thumbnail()) {
            thumbnail = url(uri, a.id(), Variant.THUMBNAIL, links.sign(a.id(), Variant.THUMBNAIL));
        }
        return Response.ok(new Links(url(uri, a.id(), Variant.FILE, file), thumbnail,
                Instant.ofEpochSecond(file.expires()))).build();
    }

    private static String url(UriInfo uri, String id, Variant variant, AttachmentLinks.Signed signed) {
        return uri.getBaseUriBuilder().path("v1/files/{id}").queryParam("variant", variant.param())
                .queryParam("expires", signed.expires()).queryParam("signature", signed.signature())
                .build(id).toString();
    }

    private Response preflight(HttpHeaders headers) {
        Response.ResponseBuilder ok = Response.noContent();
        jakarta.ws.rs.core.MultivaluedMap<String, Object> cors = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        WidgetCors.allow(headers.getHeaderString("Origin"), portals, cors);
        cors.forEach((name, values) -> values.forEach(v -> ok.header(name, v)));
        return ok.build();
    }

    private Response notFound(SupportLocale locale) {
        return Problem.response(Response.Status.NOT_FOUND, "not-found",
                locale == SupportLocale.PL ? "Nie ma takiego pliku" : "No such file",
                locale == SupportLocale.PL ? "Nie ma takiego pliku w Twojej rozmowie"
                        : "There is no such file in a conversation you take part in");
    }

    /** The staff member's console language; else the browser's first language the hub speaks; else English. */
    private SupportLocale staffLocale(String username, HttpHeaders headers) {
        Optional<SupportLocale> chosen = accounts.findByUsername(username).flatMap(StaffAccount::consoleLocale)
                .flatMap(l -> SupportLocale.fromTag(l.tag()));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return headers.getAcceptableLanguages().stream()
                .map(l -> SupportLocale.fromTag(l.getLanguage()).orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(SupportLocale.EN);
    }

    private static UserTokenService.Verified widgetUser(ContainerRequestContext request) {
        return (UserTokenService.Verified) request.getProperty(WidgetTokenFilter.USER);
    }

    /** The body, or null when it is longer than {@code max} bytes (the rest is read and dropped). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                drain(in);
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads a refused body to its end (up to a bound), so that the client sees the answer, not a reset. */
    private static void drain(InputStream in) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long dropped = 0;
            int n;
            while (dropped < (256L << 20) && (n = in.read(buffer)) > 0) {
                dropped += n;
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }
}
