package org.supporthub.core.domain.model.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.core.domain.model.license.Edition.COMMERCIAL;

class LicenseTest {

    private static final LocalDate EXPIRES = LocalDate.of(2026, 12, 31);

    private static License forDomain(String domain) {
        return new License("ACME", domain, COMMERCIAL, EXPIRES, "S-1");
    }

    private static License forLicensee(String licensee) {
        return new License(licensee, "portal.acme.example", COMMERCIAL, EXPIRES, "S-1");
    }

    private static License withSerial(String serial) {
        return new License("ACME", "portal.acme.example", COMMERCIAL, EXPIRES, serial);
    }

    // --- domain ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "portal.acme.example,          portal.acme.example",
            "Portal.ACME.Example,          portal.acme.example",
            // The trailing dot of a fully qualified name is the same host.
            "portal.acme.example.,         portal.acme.example",
            "'  portal.acme.example  ',    portal.acme.example",
            "*.Acme.Example.,              *.acme.example",
            // Internationalised names are kept in their ASCII (IDNA) form, the form DNS and URLs carry.
            "bücher.example,               xn--bcher-kva.example",
            "*.bücher.example,             *.xn--bcher-kva.example",
            "localhost,                    localhost",
            "10.0.0.5,                     10.0.0.5",
            "a-b.c1.example,               a-b.c1.example",
    })
    void normalises_the_domain(String given, String stored) {
        assertThat(forDomain(given).domain()).isEqualTo(stored);
    }

    @Test
    void accepts_labels_up_to_63_characters() {
        String label = "a".repeat(63);

        assertThat(forDomain(label + ".example").domain()).isEqualTo(label + ".example");
        assertThatIllegalArgumentException().isThrownBy(() -> forDomain(label + "a.example"));
    }

    @Test
    void accepts_names_up_to_253_characters() {
        String name = ("a".repeat(49) + ".").repeat(5) + "example"; // 5 × 50 + 7 = 257
        String longest = name.substring(4);                          // 253, starting "a".repeat(45)

        assertThat(forDomain(longest).domain()).hasSize(253);
        assertThatIllegalArgumentException().isThrownBy(() -> forDomain("a" + longest));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {
            " ",
            ".",
            "example..com",
            ".example.com",
            "-portal.example.com",
            "portal-.example.com",
            "por_tal.example.com",
            "portal example.com",
            "portal.example.com:8443",      // a host, not host:port
            "https://portal.example.com",   // a host, not a URL
            "portal.example.com/path",
            "portal.example.com..",
            "[::1]",                        // IP literals of version 6 cannot be licensed
            "*",
            "*.",
            "*.com",                        // would license every .com portal
            "*.localhost",
            "*.0.0.10",                     // the end of an IP address, not a domain
            "**.example.com",
            "*example.com",
            "*.*.example.com",              // one level only, even in the licence itself
            "a.*.example.com",
            "portal.*",
            "ex\u0000ample.com",
            "exa\nmple.com",
    })
    void refuses_what_is_not_a_host_name_or_a_one_level_wildcard(String domain) {
        assertThatIllegalArgumentException().isThrownBy(() -> forDomain(domain));
    }

    // --- licensee --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ACME", "ACME Sp. z o.o.", "Zakład Usług Informatycznych „Łódź”", "株式会社アクメ",
            "Smile 😀 Ltd", "O'Brien & Sons = partners"})
    void keeps_any_printable_licensee(String licensee) {
        assertThat(forLicensee(licensee).licensee()).isEqualTo(licensee);
    }

    @Test
    void strips_the_licensee_and_caps_its_length() {
        assertThat(forLicensee("  ACME \t").licensee()).isEqualTo("ACME");
        assertThat(forLicensee("x".repeat(200)).licensee()).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> forLicensee("x".repeat(201)));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {
            "   ",
            "ACME\nserial=forged",   // would add a line to the payload
            "AC\rME",
            "AC\tME",
            "AC\u0000ME",
            "AC\u0085ME",             // next line: a C1 control
            "AC\u2028ME",             // line separator
            "AC\u2029ME",             // paragraph separator
            "AC\u202EME",             // right-to-left override: "ACME" that displays otherwise
            "AC\u200BME",             // zero-width space
            "\uFEFFACME",             // byte-order mark
            "AC\uD800ME",             // unpaired surrogate: no UTF-8 encoding
    })
    void refuses_licensees_with_control_or_invisible_characters(String licensee) {
        assertThatIllegalArgumentException().isThrownBy(() -> forLicensee(licensee));
    }

    // --- serial, expiry, nulls -------------------------------------------------------------------------

    @Test
    void accepts_serials_of_letters_digits_dots_hyphens_and_underscores() {
        String uuid = UUID.randomUUID().toString();

        assertThat(withSerial("A").serial()).isEqualTo("A");
        assertThat(withSerial("ACME-2026_01.b").serial()).isEqualTo("ACME-2026_01.b");
        assertThat(withSerial(uuid).serial()).isEqualTo(uuid);
        assertThat(withSerial("7" + "x".repeat(63)).serial()).hasSize(64);
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {" ", " A", "A ", "-A", ".A", "_A", "A B", "A/B", "A=B", "Ą", "A\n"})
    void refuses_other_serials(String serial) {
        assertThatIllegalArgumentException().isThrownBy(() -> withSerial(serial));
    }

    @Test
    void refuses_serials_longer_than_64_characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> withSerial("x".repeat(65)));
    }

    @Test
    void keeps_expiry_years_between_2000_and_9999() {
        assertThat(new License("A", "a.example", COMMERCIAL, LocalDate.of(2000, 1, 1), "S").expires())
                .isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(new License("A", "a.example", COMMERCIAL, LocalDate.of(9999, 12, 31), "S").expires())
                .isEqualTo(LocalDate.of(9999, 12, 31));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new License("A", "a.example", COMMERCIAL, LocalDate.of(1999, 12, 31), "S"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new License("A", "a.example", COMMERCIAL, LocalDate.of(10000, 1, 1), "S"));
    }

    @Test
    void requires_every_field() {
        assertThatNullPointerException().isThrownBy(() -> new License(null, "a.example", COMMERCIAL, EXPIRES, "S"));
        assertThatNullPointerException().isThrownBy(() -> new License("A", null, COMMERCIAL, EXPIRES, "S"));
        assertThatNullPointerException().isThrownBy(() -> new License("A", "a.example", null, EXPIRES, "S"));
        assertThatNullPointerException().isThrownBy(() -> new License("A", "a.example", COMMERCIAL, null, "S"));
        assertThatNullPointerException().isThrownBy(() -> new License("A", "a.example", COMMERCIAL, EXPIRES, null));
    }

    @Test
    void messages_do_not_echo_control_characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> forDomain("bad\ndomain"))
                .withMessageContaining("bad\\u000adomain")
                .withMessageNotContaining("\n");
    }

    // --- what a licence covers -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} covers ''{1}'': {2}")
    @CsvSource({
            "portal.acme.example,  portal.acme.example,            true",
            "portal.acme.example,  PORTAL.Acme.Example,            true",
            "portal.acme.example,  portal.acme.example.,           true",
            "portal.acme.example,  acme.example,                   false",
            "portal.acme.example,  www.portal.acme.example,        false",
            "portal.acme.example,  portal.acme.example.evil.test,  false",
            "portal.acme.example,  evilportal.acme.example,        false",
            "portal.acme.example,  portal.acme.example:443,        false",
            "portal.acme.example,  portal.acme.example..,          false",
            "portal.acme.example,  '',                             false",
            "*.acme.example,       portal.acme.example,            true",
            "*.acme.example,       Support.ACME.example.,          true",
            "*.acme.example,       x.acme.example,                 true",
            "*.acme.example,       xn--bcher-kva.acme.example,     true",
            "*.acme.example,       bücher.acme.example,            true",
            "*.acme.example,       acme.example,                   false",
            "*.acme.example,       .acme.example,                  false",
            "*.acme.example,       a.b.acme.example,               false",
            "*.acme.example,       *.acme.example,                 false",
            "*.acme.example,       -x.acme.example,                false",
            "*.acme.example,       x_y.acme.example,               false",
            "*.acme.example,       evilacme.example,               false",
            "*.acme.example,       portal.acme.example.evil.test,  false",
            "*.acme.example,       portal.acme.example:8443,       false",
            "xn--bcher-kva.example, BÜCHER.example,                true",
    })
    void covers_its_host_or_one_level_below_its_wildcard(String domain, String host, boolean covered) {
        assertThat(forDomain(domain).coversHost(host)).isEqualTo(covered);
    }

    @Test
    void covers_no_missing_host() {
        assertThat(forDomain("portal.acme.example").coversHost(null)).isFalse();
        assertThat(forDomain("*.acme.example").coversHost(null)).isFalse();
    }

    @Test
    void knows_whether_it_is_a_wildcard() {
        assertThat(forDomain("*.acme.example").isWildcard()).isTrue();
        assertThat(forDomain("portal.acme.example").isWildcard()).isFalse();
    }

    @Test
    void is_valid_through_its_expiry_day() {
        License license = forDomain("portal.acme.example");

        assertThat(license.isExpiredOn(EXPIRES.minusDays(1))).isFalse();
        assertThat(license.isExpiredOn(EXPIRES)).isFalse();
        assertThat(license.isExpiredOn(EXPIRES.plusDays(1))).isTrue();
    }
}
