package org.supporthub.web.interfaces.http;

import org.supporthub.core.application.HubMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser security headers of one answer, decided from its path, the hub's mode and whether the
 * request came over HTTPS.
 *
 * <ul>
 *   <li>Pages may run scripts and open connections to the hub itself only: no inline script (the pages'
 *       scripts are files), no plugins, and no page of the hub may be framed by any site
 *       ({@code frame-ancestors 'none'}: the console above all; the widget is a script, never a frame).
 *       Inline styles stay allowed: the widget puts its stylesheet into its shadow root.</li>
 *   <li>API answers are data, never a document: {@code default-src 'none'}.</li>
 *   <li>{@code nosniff}, {@code no-referrer} (console and portal addresses stay on the page) and, in
 *       production over HTTPS, HSTS for a year. Development never sends HSTS: a browser would remember it
 *       for {@code localhost} and refuse the plain-HTTP demo afterwards.</li>
 * </ul>
 */
public final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** The headers for an answer to {@code path} (relative to the context root, starting with '/'). */
    public static Map<String, String> forRequest(String path, HubMode mode, boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean api = path != null && (path.equals("/api") || path.startsWith("/api/"));
        headers.put("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        if (mode == HubMode.PRODUCTION && secure) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }
}
