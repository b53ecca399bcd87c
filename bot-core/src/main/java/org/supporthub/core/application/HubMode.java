package org.supporthub.core.application;

import java.util.Locale;

/**
 * How strictly the hub runs. Production is the default; development seeds the demo and is the only mode
 * in which any relaxation (demo token signing, test roots, loopback allow-lists) can be switched on.
 */
public enum HubMode {
    PRODUCTION, DEVELOPMENT;

    /**
     * Reads {@code SUPPORT_HUB_MODE}. A value that is neither mode is refused rather than guessed, so a
     * typo can never weaken the hub nor silently disable the demo.
     */
    public static HubMode parse(String value) {
        if (value == null || value.isBlank()) {
            return PRODUCTION;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "production" -> PRODUCTION;
            case "development" -> DEVELOPMENT;
            default -> throw new IllegalArgumentException(
                    "SUPPORT_HUB_MODE must be 'production' or 'development', not '" + value + "'");
        };
    }
}
