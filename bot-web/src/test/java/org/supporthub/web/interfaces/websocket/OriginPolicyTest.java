package org.supporthub.web.interfaces.websocket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a page's Origin is the hub itself, as named by the upgrade request's Host header. */
class OriginPolicyTest {

    @ParameterizedTest(name = "Origin {0}, Host {1}")
    @CsvSource({
            "https://hub.example.com,        hub.example.com",
            "http://localhost:8080,          localhost:8080",
            "http://127.0.0.1:8080,          127.0.0.1:8080",
            // default ports on either side
            "https://hub.example.com:443,    hub.example.com",
            "https://hub.example.com,        hub.example.com:443",
            "http://hub.example.com,         hub.example.com:80",
            "http://hub.example.com:80,      hub.example.com",
            // 443 is not http's default port: it must match as written
            "http://hub.example.com:443,     hub.example.com:443",
            // case and surrounding whitespace
            "HTTPS://HUB.Example.COM,        hub.example.com",
            "https://hub.example.com,        HUB.EXAMPLE.COM",
            "' https://hub.example.com ',    ' hub.example.com '",
            "https://[::1]:8443,             [::1]:8443",
    })
    void the_hubs_own_origin(String origin, String host) {
        assertThat(OriginPolicy.isOwn(origin, host)).isTrue();
    }

    @ParameterizedTest(name = "Origin {0}, Host {1}")
    @CsvSource({
            "http://localhost:8081,                    localhost:8080",
            "http://localhost,                         localhost:8080",
            "http://localhost:8080,                    localhost",
            "https://evil.example,                     hub.example.com",
            "https://hub.example.com.evil.example,     hub.example.com",
            "https://evil.example/hub.example.com,     hub.example.com",
            "https://sub.hub.example.com,              hub.example.com",
            // another scheme's default port is not this scheme's
            "https://hub.example.com,                  hub.example.com:80",
            "http://hub.example.com,                   hub.example.com:443",
            "https://hub.example.com:8443,             hub.example.com:443",
    })
    void another_origin(String origin, String host) {
        assertThat(OriginPolicy.isOwn(origin, host)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void no_host_header_means_not_own(String host) {
        assertThat(OriginPolicy.isOwn("https://hub.example.com", host)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"null", "not a url", "hub.example.com", "//hub.example.com", "https://",
            "file:///hub.example.com", "https://hub .example.com"})
    void a_malformed_origin_is_not_own(String origin) {
        // "null" is what sandboxed frames and file pages send.
        assertThat(OriginPolicy.isOwn(origin, "hub.example.com")).isFalse();
    }
}
