package org.supporthub.web.interfaces.rest.attachments;

import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.AttachmentTexts;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.web.interfaces.rest.Problem;

import java.util.Locale;

/** A refused upload or link as {@code application/problem+json}, explained in the caller's language. */
final class AttachmentProblems {

    private AttachmentProblems() {
    }

    static Response of(AttachmentRefusal refusal, SupportLocale locale, AttachmentTexts texts) {
        Response problem = problemOf(refusal, locale, texts);
        // Busy is the one refusal that passes: the client is told when to send the same upload again.
        return refusal.code() == AttachmentRefusal.Code.UPLOADS_BUSY
                ? Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build() : problem;
    }

    /** Seconds a client waits before sending a busy upload again. */
    static final String RETRY_AFTER_SECONDS = "3";

    private static Response problemOf(AttachmentRefusal refusal, SupportLocale locale, AttachmentTexts texts) {
        return Problem.response(new Problem("https://support-hub.example/problems/"
                + refusal.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), texts.title(locale),
                status(refusal.code()), texts.explain(locale, refusal), null));
    }

    static int status(AttachmentRefusal.Code code) {
        return switch (code) {
            case FILE_TOO_LARGE, CONVERSATION_FULL -> 413;
            case PORTAL_DAILY_LIMIT -> 429;
            case FORBIDDEN_TYPE -> 415;
            case NOT_PARTICIPANT -> 403;
            case UPLOADS_BUSY -> 503;
            default -> 400;
        };
    }
}
