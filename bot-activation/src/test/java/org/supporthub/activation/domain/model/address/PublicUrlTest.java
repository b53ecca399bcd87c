package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/** The one parse of a public site address: what it keeps, how it writes it back, what it refuses. */
class PublicUrlTest {

    private static PublicUrl parsed(String address) {
        ParseResult result = PublicUrl.parse(address);
        assertThat(result.isValid()).as("%s parses (refusal: %s)", address, result.detail()).isTrue();
        return result.url();
    }

    private static String refusal(String address) {
        ParseResult result = PublicUrl.parse(address);
        assertThat(result.isValid()).as("%s is refused", address).isFalse();
        return result.detail();
    }

    @Test
    void a_plain_address_has_defaults() {
        PublicUrl url = parsed("https://Portal.Example.com");

        assertThat(url.host()).isEqualTo("portal.example.com");
        assertThat(url.literal()).isEmpty();
        assertThat(url.port()).isEqualTo(PublicUrl.DEFAULT_PORT);
        assertThat(url.pathAndQuery()).isEqualTo("/");
        assertThat(url.original()).isEqualTo("https://Portal.Example.com");
        assertThat(url.trailingDot()).isFalse();
        assertThat(url.authority()).isEqualTo("portal.example.com");
        assertThat(url.uri()).isEqualTo(URI.create("https://portal.example.com/"));
    }

    @Test
    void keeps_port_path_and_query_and_drops_the_fragment() {
        PublicUrl url = parsed("https://portal.example.com:8443/crm/?lang=pl&x=%2F#section");

        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.pathAndQuery()).isEqualTo("/crm/?lang=pl&x=%2F");
        assertThat(url.authority()).isEqualTo("portal.example.com:8443");
        assertThat(parsed("https://portal.example.com?a=1").pathAndQuery()).isEqualTo("/?a=1");
        assertThat(parsed("https://portal.example.com#x").pathAndQuery()).isEqualTo("/");
    }

    @Test
    void percent_encodes_non_ascii_in_the_path() {
        assertThat(parsed("https://portal.example.com/\u017c\u00f3\u0142w?q=\u00e9").pathAndQuery())
                .isEqualTo("/%C5%BC%C3%B3%C5%82w?q=%C3%A9");
    }

    @Test
    void remembers_a_trailing_dot_but_checks_without_it() {
        PublicUrl url = parsed("https://portal.example.com./");

        assertThat(url.host()).isEqualTo("portal.example.com");
        assertThat(url.trailingDot()).isTrue();
        assertThat(url.uri().getHost()).isEqualTo("portal.example.com");
    }

    @Test
    void surrounding_whitespace_is_ignored_but_the_original_is_kept() {
        PublicUrl url = parsed("  https://portal.example.com/\n");

        assertThat(url.host()).isEqualTo("portal.example.com");
        assertThat(url.original()).isEqualTo("  https://portal.example.com/\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://portal.exa\tmple.com", "https://portal.example.com/\n/x",
            "https://portal\r.example.com", "https://portal.example.com/\u00a0", "https://portal\u3000example.com",
            "https://portal.example.com/\u0000", "https://portal.example.com/\u007f", "https://portal.example.com\u0085",
            "https://portal.example.com/\u2028x"})
    void whitespace_and_control_characters_inside_are_malformed(String address) {
        assertThat(refusal(address)).isEqualTo("MALFORMED");
    }

    @Test
    void ipv4_literals_are_written_in_dotted_decimal() {
        PublicUrl url = parsed("https://127.0.0.1.:8443/x");

        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.literal()).contains(ip("127.0.0.1"));
        assertThat(url.toUri("/y")).isEqualTo(URI.create("https://127.0.0.1:8443/y"));
        assertThat(url.toUri("/y").getHost()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://010.0.0.1", "https://1.02.3.4/x", "https://0x7f.1:8443/x", "https://127.1",
            "https://2130706433", "https://0177.0.0.1", "https://10.0.258", "https://08.0.0.1"})
    void ipv4_literals_in_any_other_spelling_are_refused_not_read(String address) {
        assertThat(refusal(address)).isEqualTo("AMBIGUOUS_IPV4");
    }

    @Test
    void ipv6_literals_are_written_canonically_and_bracketed_in_uris() {
        PublicUrl url = parsed("https://[2606:4700:4700:0:0:0:0:1111]:8443");

        assertThat(url.host()).isEqualTo("2606:4700:4700::1111");
        assertThat(url.literal()).contains(ip("2606:4700:4700::1111"));
        assertThat(url.authority()).isEqualTo("[2606:4700:4700::1111]:8443");
        assertThat(url.toUri("/rest/ping")).isEqualTo(URI.create("https://[2606:4700:4700::1111]:8443/rest/ping"));
    }

    @Test
    void international_names_become_ascii() {
        PublicUrl url = parsed("https://B\u00fccher.Example/");

        assertThat(url.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(url.literal()).isEmpty();
        assertThat(url.uri().getHost()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void ideographic_digits_and_dots_are_an_ipv4_literal_not_a_name() {
        PublicUrl url = parsed("https://\uff11\uff12\uff17\u3002\uff10\u3002\uff10\u3002\uff11");

        assertThat(url.literal()).contains(ip("127.0.0.1"));
    }

    @Test
    void to_uri_keeps_host_and_port_and_takes_a_path_with_query() {
        PublicUrl url = parsed("https://portal.example.com/crm/");

        assertThat(url.toUri("/rest/support.check?x=1")).isEqualTo(
                URI.create("https://portal.example.com/rest/support.check?x=1"));
        assertThat(url.toUri("/")).isEqualTo(URI.create("https://portal.example.com/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rest", "https://evil.com/", "/a b", "/a#b", "/a\\b", "/%zz", "/{x}"})
    void to_uri_refuses_anything_but_an_absolute_path(String path) {
        PublicUrl url = parsed("https://portal.example.com");

        assertThatIllegalArgumentException().isThrownBy(() -> url.toUri(path));
    }

    @Test
    void labels_and_names_have_dns_lengths() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);

        assertThat(parsed("https://" + label63 + ".example").host()).startsWith(label63);
        assertThat(refusal("https://" + "a".repeat(64) + ".example")).isEqualTo("BAD_HOST");
        assertThat(parsed("https://" + name253).host()).isEqualTo(name253);
        assertThat(parsed("https://" + name253 + ".").host()).isEqualTo(name253);
        assertThat(refusal("https://a" + name253)).isEqualTo("BAD_HOST");
    }

    @Test
    void very_long_input_is_refused_unread() {
        assertThat(refusal("https://portal.example.com/" + "a".repeat(PublicUrl.MAX_LENGTH))).isEqualTo("MALFORMED");
    }

    @Test
    void only_ascii_case_folding_makes_https() {
        assertThat(parsed("HtTpS://portal.example.com").host()).isEqualTo("portal.example.com");
        assertThat(refusal("http\u017f://portal.example.com")).isEqualTo("NOT_HTTPS");
    }

    @Test
    void null_is_empty() {
        assertThat(refusal(null)).isEqualTo("EMPTY");
    }

    @Test
    void equal_when_host_port_and_target_are() {
        assertThat(parsed("HTTPS://Portal.Example.com:443")).isEqualTo(parsed("https://portal.example.com/"))
                .hasSameHashCodeAs(parsed("https://portal.example.com/"));
        assertThat(parsed("https://portal.example.com:8443")).isNotEqualTo(parsed("https://portal.example.com"));
        assertThat(parsed("https://portal.example.com/x")).hasToString("https://portal.example.com/x");
    }

    @Test
    void a_parse_result_is_either_an_address_or_a_refusal() {
        PublicUrl url = parsed("https://portal.example.com");

        assertThat(new ParseResult(url, null).detail()).isNull();
        assertThat(new ParseResult(null, UrlRefusal.BAD_PORT).detail()).isEqualTo("BAD_PORT");
        assertThatIllegalArgumentException().isThrownBy(() -> new ParseResult(null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ParseResult(url, UrlRefusal.BAD_HOST));
    }
}
