package org.supporthub.core.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void plain_addresses_pass_trimmed() {
        assertThat(EmailAddress.parse(" anna.nowak@portal.example.com ")).contains("anna.nowak@portal.example.com");
        assertThat(EmailAddress.valid("a+tag@sub.example.pl")).isTrue();
    }

    @Test
    void anything_that_could_break_a_header_or_is_no_address_is_refused() {
        assertThat(EmailAddress.parse(null)).isEmpty();
        assertThat(EmailAddress.parse("")).isEmpty();
        assertThat(EmailAddress.parse("anna")).isEmpty();
        assertThat(EmailAddress.parse("anna@localhost")).isEmpty();
        assertThat(EmailAddress.parse("a@b@example.com")).isEmpty();
        assertThat(EmailAddress.parse("anna@example.com\r\nBcc: x@example.com")).isEmpty();
        assertThat(EmailAddress.parse("Anna <anna@example.com>")).isEmpty();
        assertThat(EmailAddress.parse("an na@example.com")).isEmpty();
        assertThat(EmailAddress.parse("a".repeat(64) + "@" + "b".repeat(190) + ".com")).isEmpty();
    }
}
