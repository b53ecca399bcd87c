package org.supporthub.web.interfaces.rest.attachments;

import jakarta.ws.rs.core.MultivaluedMap;
import org.supporthub.core.application.PortalRegistryService;

/**
 * Cross-origin reads for the widget's HTTP calls: only a registered portal's origin (the same rule as the
 * widget socket's handshake) may read the answers. No cookies are involved (the token is a header), so no
 * credentials are allowed either.
 */
final class WidgetCors {

    private WidgetCors() {
    }

    static void allow(String origin, PortalRegistryService portals, MultivaluedMap<String, Object> headers) {
        if (origin != null && !origin.isBlank() && portals.isPortalOrigin(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Allow-Methods", "POST, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type");
            headers.putSingle("Access-Control-Max-Age", "600");
            // A busy hub says when to send an upload again; the widget must be able to read it.
            headers.putSingle("Access-Control-Expose-Headers", "Retry-After");
            headers.add("Vary", "Origin");
        }
    }
}
