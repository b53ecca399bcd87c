package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a socket may stay silent before the hub closes it. The widget pings every 25 s and the console
 * every 10 s (each treats three missed answers as a dead socket), so a live client is never silent for
 * long; a socket that says nothing for three of its client's ping intervals is a client that is gone
 * (sleep, a dropped network) whose place the hub takes back instead of holding it for ever.
 */
@ApplicationScoped
class IdleTimeouts {

    @Inject
    @ConfigProperty(name = "support.hub.chat.idle-timeout-seconds", defaultValue = "90")
    long widgetSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.console.idle-timeout-seconds", defaultValue = "45")
    long consoleSeconds;

    void widget(Session session) {
        session.setMaxIdleTimeout(Math.max(1, widgetSeconds) * 1000);
    }

    void console(Session session) {
        session.setMaxIdleTimeout(Math.max(1, consoleSeconds) * 1000);
    }
}
