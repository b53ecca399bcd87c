package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every refused REST request.
 *
 * @param errors for validation failures: each bad field and what is wrong with it
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One bad field of a request. */
    public record FieldError(String field, String message) {
    }

    public static Response response(Response.Status status, String type, String title, String detail) {
        return response(new Problem("https://support-hub.example/problems/" + type, title, status.getStatusCode(),
                detail, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
