package org.supporthub.web.interfaces.rest.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.AttachmentService;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.FileType;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks.Variant;
import org.supporthub.web.infrastructure.attachment.Thumbnails;
import org.supporthub.web.interfaces.rest.Problem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Downloads through signed links ({@link AttachmentLinks}): the link is the proof, so an {@code <img>} and a
 * plain download work without headers. A thumbnail is a PNG the hub drew, shown inline; everything else,
 * images included, is served as a download that no browser renders: {@code Content-Disposition: attachment},
 * {@code nosniff}, and a sandboxing Content-Security-Policy, so even an HTML page uploaded as "text" cannot run.
 */
@Path("/v1/files")
@RequestScoped
public class FileResource {

    /** Served to every download: a document that runs nothing and loads nothing, even if opened. */
    static final String SANDBOX = "sandbox; default-src 'none'";

    @Inject
    AttachmentLinks links;

    @Inject
    AttachmentService attachments;

    @Inject
    Thumbnails thumbnails;

    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id, @QueryParam("variant") String variantParam,
                             @QueryParam("expires") long expires, @QueryParam("signature") String signature) {
        Optional<Variant> variant = Variant.of(variantParam == null ? "file" : variantParam);
        if (variant.isEmpty() || !links.verify(id, variant.get(), expires, signature)) {
            return Problem.response(Response.Status.FORBIDDEN, "invalid-link", "Invalid or expired link",
                    "Ask for a new link: links to files are signed and last five minutes");
        }
        Optional<Attachment> attachment = attachments.find(id);
        Optional<byte[]> content = attachment.flatMap(attachments::content);
        if (content.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "not-found", "No such file", "The file is gone");
        }
        Attachment a = attachment.get();
        if (variant.get() == Variant.THUMBNAIL) {
            Optional<byte[]> png = a.type().thumbnail() ? thumbnails.of(content.get()) : Optional.empty();
            return png.map(bytes -> secured(Response.ok(bytes, "image/png"))
                            .header("Content-Disposition", "inline; filename=\"thumbnail.png\"")
                            .header("Cache-Control", "private, max-age=300").build())
                    .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "no-thumbnail", "No thumbnail",
                            "The hub draws no thumbnail of this file"));
        }
        String type = a.type() == FileType.TEXT ? "text/plain; charset=UTF-8" : a.type().mediaType();
        return secured(Response.ok(content.get(), type))
                .header("Content-Disposition", disposition(a.name()))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder b) {
        return b.header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SANDBOX);
    }

    /** {@code attachment} with the name as given: an ASCII fallback and the exact name (RFC 6266, RFC 5987). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String exact = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
