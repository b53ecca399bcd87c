package org.supporthub.web.interfaces.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.web.infrastructure.demo.DemoPortalServer;

import java.io.IOException;
import java.util.Optional;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code GET /demo/api/token?user=admin|employee[&locale=pl|en]}: the demo portal's server handing its
 * page a user token. Answers 404 outside development mode. Without {@code locale}, the browser's
 * language decides, as a real portal would know its user's language.
 */
@WebServlet("/demo/api/token")
public class DemoTokenServlet extends HttpServlet {

    @Inject
    DemoPortalServer demo;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SupportLocale locale = SupportLocale.fromTag(request.getParameter("locale"))
                .or(() -> SupportLocale.fromTag(request.getLocale().getLanguage()))
                .orElse(SupportLocale.EN);
        String user = Optional.ofNullable(request.getParameter("user")).orElse("admin");
        Optional<String> token = demo.tokenFor(user, locale);
        response.setHeader("Cache-Control", "no-store");
        if (token.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("application/problem+json");
            response.getWriter().write(JsonBuilders.object()
                    .add("title", "No demo here").add("status", 404)
                    .add("detail", "The demo portal exists only in development mode").build().toString());
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write(JsonBuilders.object().add("token", token.get()).build().toString());
    }
}
