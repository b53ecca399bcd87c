package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.web.interfaces.json.BoundedJson;
import org.supporthub.web.interfaces.json.MalformedJsonException;

/** A JSON request body that {@link JsonBodyReader} refused, answered as a problem document. */
public class JsonBodyException extends WebApplicationException {

    private final transient Problem problem;

    JsonBodyException(Response.Status status, String type, String title, String detail) {
        super(detail, null, status);
        this.problem = new Problem("https://support-hub.example/problems/" + type, title, status.getStatusCode(),
                detail, null);
    }

    static JsonBodyException of(MalformedJsonException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> tooLarge();
            case TOO_DEEP -> new JsonBodyException(Response.Status.BAD_REQUEST, "json-too-deep",
                    "The body is nested too deeply", e.getMessage());
            case EMPTY -> new JsonBodyException(Response.Status.BAD_REQUEST, "empty-body", "The body is empty",
                    "This request needs a JSON body");
            case NUMBER_OUT_OF_RANGE, MALFORMED -> new JsonBodyException(Response.Status.BAD_REQUEST,
                    "malformed-json", "The body is not valid JSON", e.getMessage());
        };
    }

    static JsonBodyException tooLarge() {
        return new JsonBodyException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "The body is too large", "A JSON body may have at most " + BoundedJson.DEFAULT_MAX_BYTES + " bytes");
    }

    static JsonBodyException wrongShape() {
        return new JsonBodyException(Response.Status.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                "The request body could not be read as the expected JSON object");
    }

    Problem problem() {
        return problem;
    }

    /** Answers with the problem as built, rather than the generic mapping of {@link WebApplicationException}. */
    @Provider
    public static class Mapper implements ExceptionMapper<JsonBodyException> {
        @Override
        public Response toResponse(JsonBodyException e) {
            return Problem.response(e.problem());
        }
    }
}
