package org.supporthub.web.interfaces.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.MailOutbox;
import org.supporthub.core.domain.model.mail.OutgoingMail;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code GET /demo/mail}: the development mailbox, the outbox's newest {@value #SHOWN} mails as a page (what
 * a development hub without SMTP keeps instead of sending, and what it sent when SMTP is configured). Answers
 * 404 outside development mode: production mail is private.
 */
@WebServlet("/demo/mail")
public class DemoMailServlet extends HttpServlet {

    static final int SHOWN = 50;

    @Inject
    HubSettings settings;

    @Inject
    MailOutbox outbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!settings.development()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<OutgoingMail> mails = outbox.latest(SHOWN);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Development mailbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border:1px solid #ccc;"
                + "border-radius:6px;padding:1em;margin:1em 0}pre{white-space:pre-wrap;font-family:inherit}"
                + ".meta{color:#555;font-size:.9em}</style></head><body>");
        out.println("<h1>Development mailbox</h1><p>Mail the hub wrote, newest first (" + mails.size()
                + "). In production this page does not exist; mail goes out over SMTP.</p>");
        for (OutgoingMail m : mails) {
            out.println("<article class=\"mail\" data-status=\"" + m.status() + "\"><div class=\"meta\">To: <span"
                    + " class=\"to\">" + escape(m.recipient()) + "</span> · " + m.createdAt() + " · " + m.status()
                    + " · " + escape(m.locale()) + "</div><h2 class=\"subject\">" + escape(m.subject())
                    + "</h2><pre class=\"body\">" + escape(m.body()) + "</pre></article>");
        }
        out.println("</body></html>");
    }

    /** Everything in a mail came from people: nothing of it may reach the page as markup. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
