package org.supporthub.web.interfaces.http;

import org.junit.jupiter.api.Test;
import org.supporthub.core.application.HubMode;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void pagesRunOnlyTheHubsOwnScriptFilesAndCannotBeFramed() {
        Map<String, String> h = SecurityHeaders.forRequest("/console/", HubMode.PRODUCTION, true);
        String scriptSrc = directive(h.get("Content-Security-Policy"), "script-src");
        assertThat(scriptSrc).isEqualTo("script-src 'self'");
        assertThat(directive(h.get("Content-Security-Policy"), "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(h.get("Content-Security-Policy"), "object-src")).isEqualTo("object-src 'none'");
        assertThat(h).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Frame-Options", "DENY");
    }

    @Test
    void apiAnswersAreNeverDocuments() {
        Map<String, String> h = SecurityHeaders.forRequest("/api/v1/info", HubMode.DEVELOPMENT, false);
        assertThat(h.get("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(h).containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(SecurityHeaders.forRequest("/apix", HubMode.DEVELOPMENT, false).get("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.PAGE_POLICY);
    }

    @Test
    void hstsOnlyInProductionOverHttps() {
        assertThat(SecurityHeaders.forRequest("/", HubMode.PRODUCTION, true))
                .containsEntry("Strict-Transport-Security", "max-age=31536000");
        assertThat(SecurityHeaders.forRequest("/", HubMode.PRODUCTION, false)).doesNotContainKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.forRequest("/", HubMode.DEVELOPMENT, true)).doesNotContainKey("Strict-Transport-Security");
    }

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElseThrow();
    }
}
