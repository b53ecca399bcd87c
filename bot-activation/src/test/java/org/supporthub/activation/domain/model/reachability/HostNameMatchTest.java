package org.supporthub.activation.domain.model.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subjectAltName DNS rules, one row per pattern and host. */
class HostNameMatchTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            portal.test           | portal.test         | true
            PORTAL.Test           | portal.test         | true
            portal.test.          | portal.test         | true
            other.test            | portal.test         | false
            *.example.com         | www.example.com     | true
            *.example.com         | example.com         | false
            *.example.com         | a.b.example.com     | false
            *.com                 | example.com         | false
            f*.example.com        | foo.example.com     | false
            *.*.example.com       | a.b.example.com     | false
            www.*.example.com     | www.a.example.com   | false
            *                     | portal              | false
            """)
    void dnsNames(String pattern, String host, boolean matches) {
        assertThat(HostNameMatch.dnsNameMatches(pattern, host)).isEqualTo(matches);
    }
}
