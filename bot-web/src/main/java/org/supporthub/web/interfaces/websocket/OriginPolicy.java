package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.domain.model.portal.PublicAddress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which web pages may open a widget socket: pages of a registered portal's public address, and the
 * hub's own pages (the demo portal). Everything else is refused at the handshake, which is what stops
 * a foreign site from opening a chat with a visitor's browser (cross-site WebSocket hijacking).
 */
@ApplicationScoped
public class OriginPolicy {

    @Inject
    PortalRegistryService portals;

    @Inject
    Instance<HttpServletRequest> currentRequest;

    /** The handshake's verdict; the current request is the upgrade request being checked. */
    boolean allowsHandshake(String origin) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        return isOwn(origin, currentRequest.get().getHeader("Host")) || portals.isPortalOrigin(origin);
    }

    /** Whether {@code origin} is the hub itself, as named by the request's {@code Host} header. */
    static boolean isOwn(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        return authority(origin).map(a -> a.equals(normalise(origin, host))).orElse(false);
    }

    private static Optional<String> authority(String origin) {
        return PublicAddress.originOf(origin).map(o -> o.substring(o.indexOf("://") + 3));
    }

    /** The Host header as the origin would spell it: lower case, without the scheme's default port. */
    private static String normalise(String origin, String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        String scheme = URI.create(origin.trim()).getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("https") && h.endsWith(":443")) || (scheme.equals("http") && h.endsWith(":80"))) {
            return h.substring(0, h.lastIndexOf(':'));
        }
        return h;
    }
}
