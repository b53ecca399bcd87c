package org.supporthub.web.interfaces.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading HTTP Basic portal credentials: {@code [portal id, portal secret]} or nothing. */
class PortalAuthenticationFilterTest {

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String[]> credentials(String header) {
        return PortalAuthenticationFilter.credentials(header);
    }

    @Test
    void reads_id_and_secret() {
        assertThat(credentials(basic("portal-1:s3cret"))).hasValueSatisfying(
                c -> assertThat(c).containsExactly("portal-1", "s3cret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "BASIC", "bAsIc"})
    void the_scheme_name_is_case_insensitive(String scheme) {
        String header = scheme + " " + Base64.getEncoder().encodeToString("p:s".getBytes(StandardCharsets.UTF_8));

        assertThat(credentials(header)).hasValueSatisfying(c -> assertThat(c).containsExactly("p", "s"));
    }

    @Test
    void the_secret_may_contain_colons_the_id_may_not() {
        // RFC 7617: the user-id ends at the first colon; everything after it is the password.
        assertThat(credentials(basic("portal-1:a:b::c"))).hasValueSatisfying(
                c -> assertThat(c).containsExactly("portal-1", "a:b::c"));
    }

    @Test
    void an_empty_secret_is_passed_on_for_the_registry_to_refuse() {
        assertThat(credentials(basic("portal-1:"))).hasValueSatisfying(
                c -> assertThat(c).containsExactly("portal-1", ""));
    }

    @Test
    void reads_utf_8() {
        assertThat(credentials(basic("portal-1:zażółć"))).hasValueSatisfying(
                c -> assertThat(c[1]).isEqualTo("zażółć"));
    }

    @Test
    void tolerates_extra_spaces_around_the_encoded_part() {
        String encoded = Base64.getEncoder().encodeToString("p:s".getBytes(StandardCharsets.UTF_8));

        assertThat(credentials("Basic   " + encoded + "  ")).hasValueSatisfying(
                c -> assertThat(c).containsExactly("p", "s"));
    }

    @Test
    void no_colon_or_an_empty_id_is_no_credentials() {
        assertThat(credentials(basic("portal-1"))).isEmpty();
        assertThat(credentials(basic(":s3cret"))).isEmpty();
        assertThat(credentials(basic(":"))).isEmpty();
        assertThat(credentials(basic(""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic not*base64!", "Basic ====", "Basic cG9ydGFsOnM=garbage", "Basic %%%"})
    void bad_base64_is_no_credentials(String header) {
        assertThat(credentials(header)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer cG9ydGFsOnM=", "Digest username=\"p\"", "cG9ydGFsOnM=", "Basic", "BasiccG9ydGFsOnM=",
            "Basi cG9ydGFsOnM=", " Basic cG9ydGFsOnM="})
    void another_scheme_or_no_scheme_is_no_credentials(String header) {
        assertThat(credentials(header)).isEmpty();
    }
}
