package org.supporthub.web.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.InvalidRegistrationException;
import org.supporthub.core.application.UnknownPortalException;

import java.util.List;

/** Turns what goes wrong in a REST request into {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidRegistration implements ExceptionMapper<InvalidRegistrationException> {
        @Override
        public Response toResponse(InvalidRegistrationException e) {
            List<Problem.FieldError> errors = e.fieldErrors().entrySet().stream()
                    .map(entry -> new Problem.FieldError(entry.getKey(), entry.getValue())).toList();
            return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                    "The request is not valid", 400, errors.size() + " field(s) are not valid", errors));
        }
    }

    @Provider
    public static class UnknownPortal implements ExceptionMapper<UnknownPortalException> {
        @Override
        public Response toResponse(UnknownPortalException e) {
            return Problem.response(Response.Status.NOT_FOUND, "unknown-portal", "No such portal", e.getMessage());
        }
    }

    @Provider
    public static class BadJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                    "The request body could not be read as the expected JSON object");
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                    "The request body could not be read as the expected JSON object");
        }
    }

    /** Keeps JAX-RS's own answers (404, 405, 415...) but in the problem format. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.getStatus() >= 500) {
                // A server fault: its status and headers, but a correlation id and nothing from inside.
                return UnexpectedErrorMapper.serverError(Response.fromResponse(original), original.getStatus(), e,
                        uri == null ? "?" : uri.getPath());
            }
            Response.StatusType status = original.getStatusInfo();
            String type = e instanceof NotFoundException ? "not-found" : "http-" + status.getStatusCode();
            Response.ResponseBuilder builder = Response.fromResponse(original).type(Problem.PROBLEM_JSON)
                    .entity(new Problem("https://support-hub.example/problems/" + type, status.getReasonPhrase(),
                            status.getStatusCode(), e.getMessage(), null));
            return builder.build();
        }
    }
}
