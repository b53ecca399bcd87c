package org.supporthub.activation.application.internal;

import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Real portals and users, built through their public constructors. */
final class ActivationFixtures {

    private ActivationFixtures() {
    }

    static Portal portal(boolean channelEnabled) {
        Portal p = new Portal("p-1", "Acme intranet", PublicAddress.of("https://portal.acme.example"), "LIC-1",
                "24.100.0", SupportLocale.EN, new PortalCredentials("hash", "sealed"),
                Instant.parse("2025-06-02T09:30:00Z"));
        if (channelEnabled) {
            p.apply(BotEvent.CHANNEL_ENABLED);
        }
        return p;
    }

    static PortalUser user(boolean admin) {
        return new PortalUser("p-1", "u-1", "Anna", admin, List.of("Employees"), Optional.empty());
    }

    static ActivationSubject subject(boolean channelEnabled, boolean admin) {
        return new ActivationSubject(portal(channelEnabled), user(admin));
    }
}
