package org.supporthub.web.interfaces.http;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.supporthub.core.application.HubSettings;

import java.io.IOException;

/** Puts {@link SecurityHeaders} on every answer of the WAR: pages, scripts, the REST API, errors. */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    HubSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Set before the chain runs, so that they are there however the answer is committed.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        SecurityHeaders.forRequest(path, settings.mode(), request.isSecure()).forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
