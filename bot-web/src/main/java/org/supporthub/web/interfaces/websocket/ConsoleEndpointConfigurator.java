package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The console is a page of the hub itself: only the hub's own origin may open its socket, which stops a
 * foreign page from driving a logged-in operator's console (cross-site WebSocket hijacking).
 */
public class ConsoleEndpointConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        if (originHeaderValue == null || originHeaderValue.isBlank()) {
            return false;
        }
        HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
        return OriginPolicy.isOwn(originHeaderValue, request.getHeader("Host"));
    }
}
