package org.supporthub.core.domain.model.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://portal.example.com,              https://portal.example.com",
            "http://portal.example.com,               http://portal.example.com",
            // Scheme and host are lower-cased for the origin, as browsers send it.
            "HTTPS://Portal.Example.COM/Path?q=1#top, https://portal.example.com",
            // Default ports are dropped...
            "https://portal.example.com:443/,         https://portal.example.com",
            "http://portal.example.com:80/intranet,   http://portal.example.com",
            // ...other ports are kept, including the other scheme's default port.
            "https://portal.example.com:8443/x,       https://portal.example.com:8443",
            "http://portal.example.com:443,           http://portal.example.com:443",
            "https://portal.example.com:80,           https://portal.example.com:80",
            "https://10.0.0.5:8080,                   https://10.0.0.5:8080",
            "https://[::1]:8443/,                     https://[::1]:8443",
    })
    void parses_absolute_http_urls_and_derives_their_origin(String value, String origin) {
        PublicAddress address = PublicAddress.parse(value).orElseThrow();

        assertThat(address.value()).isEqualTo(value);
        assertThat(address.origin()).isEqualTo(origin);
    }

    @Test
    void keeps_the_address_as_given_but_trimmed() {
        PublicAddress address = PublicAddress.parse("  https://Portal.example.com/App  ").orElseThrow();

        assertThat(address.value()).isEqualTo("https://Portal.example.com/App");
        assertThat(address.toString()).isEqualTo("https://Portal.example.com/App");
        assertThat(address.origin()).isEqualTo("https://portal.example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "ftp://portal.example.com",          // not http(s)
            "ws://portal.example.com",
            "file:///etc/passwd",
            "mailto:admin@portal.example.com",
            "javascript:alert(1)",
            "portal.example.com",                // no scheme
            "//portal.example.com/path",         // scheme-relative
            "https://",                          // no authority at all
            "https:///path",                     // empty host
            "https://exa_mple.com",              // not a server-based authority: no host
            "https://port al.example.com",       // not a URI
            "https://portal.example.com/a b",
            "https://portal.example.com:0/",     // no such port
            "https://portal.example.com:65536/",
    })
    void refuses_anything_but_an_absolute_http_url_with_a_host(String value) {
        assertThat(PublicAddress.parse(value)).isEmpty();
    }

    @Test
    void refuses_addresses_longer_than_2048_characters() {
        String prefix = "https://portal.example.com/";
        String longest = prefix + "a".repeat(2048 - prefix.length());

        assertThat(PublicAddress.parse(longest)).isPresent();
        assertThat(PublicAddress.parse(longest + "a")).isEmpty();
    }

    @Test
    void of_parses_a_stored_address_or_fails_loudly() {
        assertThat(PublicAddress.of("https://portal.example.com").origin()).isEqualTo("https://portal.example.com");
        assertThatIllegalArgumentException().isThrownBy(() -> PublicAddress.of("ftp://portal.example.com"))
                .withMessageContaining("ftp://portal.example.com");
    }

    @Test
    void equality_is_by_the_address_as_given() {
        assertThat(PublicAddress.of("https://portal.example.com/a"))
                .isEqualTo(PublicAddress.of(" https://portal.example.com/a "))
                .hasSameHashCodeAs(PublicAddress.of("https://portal.example.com/a"))
                // Same origin, different address: not the same public address.
                .isNotEqualTo(PublicAddress.of("https://portal.example.com/b"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://portal.example.com,            https://portal.example.com",
            "HTTPS://PORTAL.EXAMPLE.COM,            https://portal.example.com",
            "https://portal.example.com:443,        https://portal.example.com",
            "http://portal.example.com:80,          http://portal.example.com",
            "http://localhost:8080,                 http://localhost:8080",
            "'  https://portal.example.com/x?y  ',  https://portal.example.com",
            "wss://hub.example.com:443,             wss://hub.example.com",
            "ws://hub.example.com:80,               ws://hub.example.com",
            "ws://hub.example.com:443,              ws://hub.example.com:443",
    })
    void origin_of_normalises_as_browsers_do(String url, String origin) {
        assertThat(PublicAddress.originOf(url)).contains(origin);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "null", "not a url", "portal.example.com", "https://", "file:///etc/passwd",
            "https://exa_mple.com"})
    void origin_of_is_empty_for_values_without_scheme_and_host(String url) {
        // "null" is what browsers send from sandboxed frames: it must never match a portal.
        assertThat(PublicAddress.originOf(url)).isEmpty();
    }
}
