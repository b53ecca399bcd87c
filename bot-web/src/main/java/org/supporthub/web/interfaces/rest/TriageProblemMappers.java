package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.routing.application.TriageCorrectionConflictException;
import org.supporthub.routing.application.UnknownTriageCorrectionException;

import java.util.Locale;

/** Problem documents for the managers' triage corrections API. */
public final class TriageProblemMappers {

    private TriageProblemMappers() {
    }

    @Provider
    public static class UnknownCorrection implements ExceptionMapper<UnknownTriageCorrectionException> {
        @Override
        public Response toResponse(UnknownTriageCorrectionException e) {
            return Problem.response(Response.Status.NOT_FOUND, "not-found", "No such triage correction",
                    e.getMessage());
        }
    }

    /** {@code already-decided} or {@code no-policy-item}, both 409: the correction's state refuses it. */
    @Provider
    public static class CorrectionConflict implements ExceptionMapper<TriageCorrectionConflictException> {
        @Override
        public Response toResponse(TriageCorrectionConflictException e) {
            return Problem.response(Response.Status.CONFLICT,
                    e.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.code().name(), e.getMessage());
        }
    }
}
