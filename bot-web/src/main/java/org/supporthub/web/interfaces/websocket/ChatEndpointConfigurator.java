package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;

/**
 * Checks {@code Origin} at the handshake (Tyrus would accept every origin otherwise) and hands the
 * origin and host on to the connection, which checks them again against the token's portal at
 * {@code hello}.
 */
public class ChatEndpointConfigurator extends ServerEndpointConfig.Configurator {

    static final String ORIGIN = "supporthub.origin";
    static final String HOST = "supporthub.host";

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return CDI.current().select(OriginPolicy.class).get().allowsHandshake(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // Since WebSocket 2.1 these properties are a per-connection copy, so concurrent handshakes cannot mix.
        sec.getUserProperties().put(ORIGIN, first(request.getHeaders(), "Origin"));
        sec.getUserProperties().put(HOST, first(request.getHeaders(), "Host"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
