package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort for an error no other mapper knows: {@code 500} problem+json that names a correlation
 * id and nothing from inside (no class names, no messages). The same id is in the log line with the stack
 * trace, so an operator can find it from what a client reports. The more specific mappers
 * ({@link ProblemMappers}, {@link JsonBodyException.Mapper}) still win for the exceptions they name.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uri;

    /** The problem document of an unexpected error: RFC 9457 with a {@code correlationId} member. */
    public record InternalProblem(String type, String title, int status, String detail, String correlationId) {
    }

    @Override
    public Response toResponse(Throwable error) {
        return internalError(error, uri == null ? "?" : uri.getPath());
    }

    static Response internalError(Throwable error, String path) {
        return serverError(Response.serverError(), 500, error, path);
    }

    /** Logs {@code error} under a new correlation id and answers {@code status} naming only that id. */
    static Response serverError(Response.ResponseBuilder builder, int status, Throwable error, String path) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, correlation id " + id + ", on /" + stripSlash(path), error);
        String title = Response.Status.fromStatusCode(status) == null ? "Server Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return builder.status(status).type(Problem.PROBLEM_JSON).header(CORRELATION_HEADER, id)
                .entity(new InternalProblem("https://support-hub.example/problems/internal-error", title, status,
                        "The hub could not handle this request. Quote correlation id " + id
                                + " to the hub's operator.", id))
                .build();
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
