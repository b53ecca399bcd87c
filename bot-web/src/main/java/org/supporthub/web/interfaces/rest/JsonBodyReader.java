package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.web.interfaces.json.BoundedJson;
import org.supporthub.web.interfaces.json.MalformedJsonException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every JSON request body that a resource binds (records, lists, JSON-P values), in place of the
 * server's JSON-B reader: the body is read within {@link BoundedJson}'s bounds into a JSON-P structure
 * first, and only that complete, well-formed structure is bound. Truncated or malformed input is {@code 400},
 * a body over {@value BoundedJson#DEFAULT_MAX_BYTES} bytes {@code 413}, nesting deeper than
 * {@value BoundedJson#DEFAULT_MAX_DEPTH} {@code 400}: all as problem documents, at once.
 *
 * <p>It declares the same media types as the JSON-B reader it replaces and a higher priority, so the
 * runtime picks it for every JSON body (the hostile-input integration test proves it on the built WAR).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "text/json", MediaType.WILDCARD})
@Priority(JsonBodyReader.PRIORITY)
public class JsonBodyReader implements MessageBodyReader<Object> {

    /** Lower is preferred; the server's own JSON-B reader has the default, {@code USER} (5000). */
    static final int PRIORITY = 100;

    /** A refused body is read on (and dropped) up to this many bytes, so that the connection stays usable. */
    static final long DISCARD_LIMIT = 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(JsonBodyReader.class.getName());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        refuseDeclaredOversize(headers, entity);
        JsonValue value;
        try {
            value = BoundedJson.read(entity, charset(mediaType), BoundedJson.DEFAULT_MAX_BYTES,
                    BoundedJson.DEFAULT_MAX_DEPTH);
        } catch (MalformedJsonException e) {
            if (e.reason() == MalformedJsonException.Reason.TOO_LARGE) {
                discardRest(entity);
            }
            throw JsonBodyException.of(e);
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            if (!type.isInstance(value)) {
                throw JsonBodyException.wrongShape();
            }
            return value;
        }
        if (value == JsonValue.NULL) {
            return null;
        }
        try {
            // The text JSON-P writes back is complete and well-formed, so JSON-B's skip of unknown
            // properties always reaches the end of what it skips.
            return Jsonbs.INSTANCE.fromJson(value.toString(), genericType);
        } catch (RuntimeException e) {
            // JsonbException for a wrong type, NumberFormatException or a record's own check: the client's input
            LOG.log(Level.FINE, "A JSON body did not bind to " + type.getName(), e);
            throw JsonBodyException.wrongShape();
        }
    }

    /** A body that says up front it is too large is refused before it is parsed. */
    private static void refuseDeclaredOversize(MultivaluedMap<String, String> headers, InputStream entity)
            throws IOException {
        String length = headers == null ? null : headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // the container refuses a bad Content-Length itself; the bounded read still applies
        }
        if (declared > BoundedJson.DEFAULT_MAX_BYTES) {
            if (declared <= DISCARD_LIMIT) {
                discardRest(entity);
            }
            throw JsonBodyException.tooLarge();
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DISCARD_LIMIT}. Over HTTP/2 the server
     * (Grizzly) credits the connection's flow-control window only for data the application reads: a body
     * left unread would stall every later request on the client's connection. Beyond the limit the hub
     * does not spend more on it.
     */
    private static void discardRest(InputStream entity) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DISCARD_LIMIT;
        int n;
        while (left > 0 && (n = entity.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype();
        return "json".equalsIgnoreCase(subtype) || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
    }

    /** Types that other readers give the raw body to, untouched: not JSON binding. */
    private static boolean isRaw(Class<?> type) {
        return CharSequence.class.isAssignableFrom(type) || type == byte[].class || type == char[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || type == File.class || type == java.nio.file.Path.class
                || type.getName().startsWith("jakarta.activation.") || type.getName().startsWith("javax.xml.");
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new JsonBodyException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset",
                    "Unsupported character set", "The body's declared character set is not supported");
        }
    }

    /** One JSON-B instance for the whole application: creating one is costly, using one is thread-safe. */
    private static final class Jsonbs {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }
}
