package org.supporthub.web.infrastructure.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * JSON-P from one provider, looked up once. The static shortcuts of {@code jakarta.json.Json}
 * ({@code JsonBuilders.object()} and the like) look the provider up again on every call, a
 * ServiceLoader scan of the application's class path; profiled under chat load (docs/benchmarks.md),
 * those scans were a sixth of the hub's CPU time. Everything the hub builds or parses with JSON-P goes
 * through {@link #PROVIDER}.
 */
public final class JsonBuilders {

    /** The JSON-P provider of the server, looked up once per application. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }
}
