package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One endpoint instance serves every socket of its path. The endpoints keep no state of their own (a
 * socket's state is its connection object, in the session's properties; the fields are injected
 * services and an immutable frame dispatcher), while the container's default makes one instance per
 * socket through CDI: a fresh injection of every field under the bean manager's lock at each connect, and
 * its injection records and dispatcher kept for as long as the socket lives. Profiled with thousands of
 * idle widgets (docs/benchmarks.md), that was a lock every connect waited on and several kilobytes per
 * socket.
 */
public class SharedEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        Object instance = shared.get(endpointClass);
        if (instance == null) {
            // Created by the container (so CDI injects it); a race may create two, and one of them stays.
            T created = create(endpointClass);
            Object raced = shared.putIfAbsent(endpointClass, created);
            instance = raced == null ? created : raced;
        }
        return endpointClass.cast(instance);
    }

    /** A new endpoint instance, as the container makes it (injected). */
    protected <T> T create(Class<T> endpointClass) throws InstantiationException {
        return super.getEndpointInstance(endpointClass);
    }
}
