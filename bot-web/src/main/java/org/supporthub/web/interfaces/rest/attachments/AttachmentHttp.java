package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.ApplicationScoped;
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
 * What the widget's and the console's attachment resources share (docs/protocol.md, section 13): reading a
 * bounded multipart upload and storing it, signing links, and refusals as {@code application/problem+json}
 * in the caller's language. The resources are separate root resources because JAX-RS picks one root class
 * by path before it looks at methods: {@code /v1/console/...} paths of their own keep the console's
 * other resource from swallowing them.
 */
@ApplicationScoped
public class AttachmentHttp {

    /** Where the console's token filters put what the token proves (OperatorTokenFilter, StaffTokenFilter). */
    static final String OPERATOR = "supporthub.operator";
    static final String STAFF = "supporthub.staff";

    /** Room for the multipart framing and a caption around the files themselves. */
    static final int FORM_OVERHEAD = 64 * 1024;

    @Inject
    AttachmentService attachments;

    @Inject
    UploadMemory memory;

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

    // ---- shared ------------------------------------------------------------------------------------

    public Response upload(String conversationId, AuthorKind kind, String author, String clientMsgId,
                            InputStream body, String contentType, long contentLength, SupportLocale locale) {
        AttachmentLimits limits = settings.limits();
        // Bounded before parsing: one file over the limit, or more files than a message may carry, ends here.
        long budget = (limits.maxFilesPerMessage() + 1L) * limits.maxFileBytes() + FORM_OVERHEAD;
        // The body and its parsed parts are held at once: twice what the request may carry.
        long holds = 2 * (contentLength > 0 ? Math.min(contentLength, budget) : budget);
        Optional<UploadMemory.Reservation> room = memory.reserve(holds);
        if (room.isEmpty()) {
            drain(body);
            return AttachmentProblems.of(new AttachmentRefusal(AttachmentRefusal.Code.UPLOADS_BUSY), locale, texts);
        }
        try (UploadMemory.Reservation held = room.get()) {
            return readAndStore(conversationId, kind, author, clientMsgId, body, contentType, locale, limits, budget);
        }
    }

    private Response readAndStore(String conversationId, AuthorKind kind, String author, String clientMsgId,
                                  InputStream body, String contentType, SupportLocale locale, AttachmentLimits limits,
                                  long budget) {
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

    public Response links(Attachment a, UriInfo uri) {
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

    public Response preflight(HttpHeaders headers) {
        Response.ResponseBuilder ok = Response.noContent();
        jakarta.ws.rs.core.MultivaluedMap<String, Object> cors = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        WidgetCors.allow(headers.getHeaderString("Origin"), portals, cors);
        cors.forEach((name, values) -> values.forEach(v -> ok.header(name, v)));
        return ok.build();
    }

    public Response notFound(SupportLocale locale) {
        return Problem.response(Response.Status.NOT_FOUND, "not-found",
                locale == SupportLocale.PL ? "Nie ma takiego pliku" : "No such file",
                locale == SupportLocale.PL ? "Nie ma takiego pliku w Twojej rozmowie"
                        : "There is no such file in a conversation you take part in");
    }

    /** The staff member's console language; else the browser's first language the hub speaks; else English. */
    public SupportLocale staffLocale(String username, HttpHeaders headers) {
        Optional<SupportLocale> chosen = accounts.findByUsername(username).flatMap(StaffAccount::consoleLocale)
                .flatMap(l -> SupportLocale.fromTag(l.tag()));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return headers.getAcceptableLanguages().stream()
                .map(l -> SupportLocale.fromTag(l.getLanguage()).orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(SupportLocale.EN);
    }

    static UserTokenService.Verified widgetUser(ContainerRequestContext request) {
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
    static void drain(InputStream in) {
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
