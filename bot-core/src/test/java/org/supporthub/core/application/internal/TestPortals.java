package org.supporthub.core.application.internal;

import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders for the entities tests need, in a given bot state. */
final class TestPortals {

    static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");

    private TestPortals() {
    }

    static Portal portal(String id, SupportLocale locale, BotState state) {
        return portal(id, locale, state, new PortalCredentials("not-a-real-hash", "not-a-real-seal"));
    }

    static Portal portal(String id, SupportLocale locale, BotState state, PortalCredentials credentials) {
        Portal p = new Portal(id, "Acme intranet", PublicAddress.of("https://portal.acme.example/intranet"),
                "LIC-123", "24.100.0", locale, credentials, NOW);
        driveTo(p, state);
        return p;
    }

    /** Moves a new (disabled) portal to {@code target} through allowed transitions only. */
    static void driveTo(Portal p, BotState target) {
        if (target == BotState.DISABLED) {
            return;
        }
        p.apply(BotEvent.CHANNEL_ENABLED);
        if (target == BotState.ACTIVATING || target == BotState.CONNECTED) {
            p.apply(BotEvent.ACTIVATION_STARTED);
        }
        if (target == BotState.CONNECTED) {
            p.apply(BotEvent.ACTIVATION_SUCCEEDED);
        }
    }

    static PortalUser admin(String portalId) {
        return new PortalUser(portalId, "u-admin", "Anna", true, List.of("Employees"), Optional.empty());
    }

    static PortalUser employee(String portalId) {
        return new PortalUser(portalId, "u-employee", "Piotr", false, List.of("Employees"), Optional.empty());
    }
}
