package org.supporthub.core.domain.model.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.core.domain.model.license.Edition.COMMERCIAL;
import static org.supporthub.core.domain.model.license.Edition.DEMO;
import static org.supporthub.core.domain.model.license.LicenseCheck.Status;
import static org.supporthub.core.domain.model.license.LicenseFixtures.ACME;
import static org.supporthub.core.domain.model.license.LicenseFixtures.ACME_PAYLOAD;
import static org.supporthub.core.domain.model.license.LicenseFixtures.OTHER;
import static org.supporthub.core.domain.model.license.LicenseFixtures.VENDOR;
import static org.supporthub.core.domain.model.license.LicenseFixtures.signedKey;

/**
 * The hub's verdicts. Every bad key must give the one same answer, {@link #INVALID_KEY}: no licence and no
 * hint of which part was wrong.
 */
class LicenseVerifierTest {

    /** What every unreadable, altered or foreign key must produce, spelled out with the literal code. */
    private static final LicenseCheck INVALID_KEY = new LicenseCheck(Status.INVALID, "LICENSE_INVALID", null);

    private static final String HOST = "portal.acme.example";
    /** Well before {@link LicenseFixtures#ACME}'s expiry day, 2026-12-31. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private final LicenseIssuer issuer = new LicenseIssuer(VENDOR.getPrivate());
    private final LicenseVerifier verifier = new LicenseVerifier(VENDOR.getPublic(), TODAY);
    private final String acmeKey = issuer.issue(ACME);

    // --- a good key ------------------------------------------------------------------------------------

    @Test
    void a_key_issued_for_this_portal_is_valid() {
        LicenseCheck check = verifier.verify(acmeKey, HOST);

        assertThat(check).isEqualTo(new LicenseCheck(Status.VALID, null, ACME));
        assertThat(check.isValid()).isTrue();
    }

    @Test
    void a_key_survives_copy_and_paste_with_spaces_and_line_breaks() {
        // As an e-mail client might wrap it, with a CRLF and indentation, and a stray newline at the end.
        String wrapped = "  " + acmeKey.substring(0, 60) + "\r\n    " + acmeKey.substring(60, 130) + "\n"
                + acmeKey.substring(130) + "\n\t";

        assertThat(verifier.verify(wrapped, HOST)).isEqualTo(LicenseCheck.valid(ACME));
    }

    @Test
    void the_hand_built_canonical_payload_is_valid() {
        // The control for the hand-built payloads below: the same builder, the canonical text, VALID.
        assertThat(verifier.verify(signedKey(ACME_PAYLOAD, VENDOR.getPrivate()), HOST)).isEqualTo(LicenseCheck.valid(ACME));
    }

    // --- tampered, truncated, malformed, foreign ---------------------------------------------------------

    /** Every position of the key, each changed to another character of the key alphabet. */
    static Stream<Arguments> everySingleCharacterChange() {
        String key = new LicenseIssuer(VENDOR.getPrivate()).issue(ACME);
        return IntStream.range(0, key.length()).mapToObj(i -> {
            char original = key.charAt(i);
            char replacement = original == 'A' ? 'B' : 'A';
            return Arguments.of(i, key.substring(0, i) + replacement + key.substring(i + 1));
        });
    }

    @ParameterizedTest(name = "position {0}")
    @MethodSource("everySingleCharacterChange")
    void changing_any_single_character_makes_the_key_invalid(int position, String tampered) {
        // This covers the prefix, both separators, every payload character and every signature character,
        // including the last character of each part, whose low bits base64 decoders ignore.
        assertThat(verifier.verify(tampered, HOST)).isEqualTo(INVALID_KEY);
    }

    static IntStream everyPosition() {
        return IntStream.range(0, new LicenseIssuer(VENDOR.getPrivate()).issue(ACME).length());
    }

    @ParameterizedTest(name = "without position {0}")
    @MethodSource("everyPosition")
    void deleting_any_single_character_makes_the_key_invalid(int position) {
        // Ed25519 is deterministic: this is the same key the method source measured.
        String shortened = acmeKey.substring(0, position) + acmeKey.substring(position + 1);

        assertThat(verifier.verify(shortened, HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void a_payload_changed_and_re_encoded_is_invalid() {
        // A well-formed key with the vendor's signature, but the payload names the attacker's domain.
        String[] parts = acmeKey.split("\\.");
        String forged = ACME_PAYLOAD.replace("portal.acme.example", "portal.evil.example");
        String key = parts[0] + "." + b64(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(verifier.verify(key, "portal.evil.example")).isEqualTo(INVALID_KEY);
    }

    @Test
    void a_signature_with_one_bit_flipped_is_invalid() {
        String[] parts = acmeKey.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        for (int bit = 0; bit < signature.length * 8; bit += 37) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThat(verifier.verify(parts[0] + "." + parts[1] + "." + b64(flipped), HOST))
                    .as("bit %d", bit).isEqualTo(INVALID_KEY);
        }
    }

    @Test
    void a_signature_from_another_key_is_invalid() {
        String foreign = new LicenseIssuer(OTHER.getPrivate()).issue(ACME);

        assertThat(foreign).isNotEqualTo(acmeKey);
        assertThat(verifier.verify(foreign, HOST)).isEqualTo(INVALID_KEY);
        // ...and the other way round: the other vendor's verifier does not accept ours.
        assertThat(new LicenseVerifier(OTHER.getPublic(), TODAY).verify(acmeKey, HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void a_signature_taken_from_another_licence_is_invalid() {
        String demoKey = issuer.issue(new License("ACME Sp. z o.o.", HOST, DEMO, LocalDate.of(2026, 12, 31), "ACME-2026-001"));
        String[] acme = acmeKey.split("\\.");
        String[] demo = demoKey.split("\\.");

        // Genuine payload, genuine vendor signature, but not of this payload.
        assertThat(verifier.verify(acme[0] + "." + acme[1] + "." + demo[2], HOST)).isEqualTo(INVALID_KEY);
    }

    static Stream<Arguments> truncations() {
        String key = new LicenseIssuer(VENDOR.getPrivate()).issue(ACME);
        int firstDot = key.indexOf('.');
        int secondDot = key.indexOf('.', firstDot + 1);
        return Stream.of(
                Arguments.of("last character", key.substring(0, key.length() - 1)),
                Arguments.of("last two characters", key.substring(0, key.length() - 2)),
                Arguments.of("last four characters", key.substring(0, key.length() - 4)),
                Arguments.of("half the signature", key.substring(0, secondDot + 43)),
                Arguments.of("the signature", key.substring(0, secondDot + 1)),
                Arguments.of("the signature and its dot", key.substring(0, secondDot)),
                Arguments.of("end of the payload", key.substring(0, secondDot - 4) + key.substring(secondDot)),
                Arguments.of("start of the payload", "SHL1." + key.substring(firstDot + 5)),
                Arguments.of("only the prefix", "SHL1."),
                Arguments.of("first half", key.substring(0, key.length() / 2)));
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("truncations")
    void a_truncated_key_is_invalid(String what, String truncated) {
        assertThat(verifier.verify(truncated, HOST)).isEqualTo(INVALID_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHL2.", "SHL0.", "shl1.", "Shl1.", "SHL.", "SHL1:", "SHL1-", "SHL1", "XSHL1.", ".", ""})
    void a_key_with_another_prefix_or_version_is_invalid(String prefix) {
        String key = prefix + acmeKey.substring("SHL1.".length());

        assertThat(verifier.verify(key, HOST)).isEqualTo(INVALID_KEY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "\n", "SHL1", "SHL1.", "SHL1..", "SHL1...", "SHL1.a.b", "SHL1.!!!!.????", "hello",
            "not a licence key at all",
            "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhY21lIn0.c2lnbmF0dXJl", // a JWT
            "SHL1.bGljZW5zZWU9QUNNRQo.AAAA",
            "SHL1.\u0000\u0000.\u0000",
            "SHL1.ąęś.żźć",
            "SHL1.bGljZW5zZWU9QUNNRQo",
    })
    void garbage_is_invalid(String key) {
        assertThat(verifier.verify(key, HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void an_enormous_key_is_invalid() {
        String payload = ACME_PAYLOAD.replace("ACME Sp. z o.o.", "A".repeat(10_000));

        assertThat(verifier.verify(signedKey(payload, VENDOR.getPrivate()), HOST)).isEqualTo(INVALID_KEY);
        assertThat(verifier.verify("SHL1." + "A".repeat(1_000_000) + ".AAAA", HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void a_key_padded_beyond_the_length_limit_is_refused_unread() {
        // Pasted whitespace is ignored, but only within the limit: nobody makes the hub read megabytes.
        String padded = acmeKey + " ".repeat(4096 - acmeKey.length());
        assertThat(verifier.verify(padded, HOST)).isEqualTo(LicenseCheck.valid(ACME));

        assertThat(verifier.verify(padded + " ", HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void the_largest_possible_licence_fits_in_a_key() {
        // Every field at its longest, the licensee in three-byte UTF-8 characters: the payload limit must
        // not refuse a licence the issuer accepts.
        String label = "a".repeat(63);
        String domain = String.join(".", label, label, label, "a".repeat(61)); // 253 characters
        License largest = new License("€".repeat(License.MAX_LICENSEE_LENGTH), domain, COMMERCIAL,
                LocalDate.of(9999, 12, 31), "S" + "x".repeat(63));
        assertThat(largest.domain()).hasSize(253);

        assertThat(verifier.verify(issuer.issue(largest), domain)).isEqualTo(LicenseCheck.valid(largest));
    }

    @Test
    void base64_padding_or_the_standard_alphabet_is_invalid() {
        // The signature is 64 bytes, so a padded encoding would end in "==".
        assertThat(verifier.verify(acmeKey + "==", HOST)).isEqualTo(INVALID_KEY);

        // A payload containing '+' or '/' in standard base64 where base64url has '-' or '_'.
        String[] parts = acmeKey.split("\\.");
        String standard = parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/');
        if (!standard.equals(acmeKey)) {
            assertThat(verifier.verify(standard, HOST)).isEqualTo(INVALID_KEY);
        }
    }

    @Test
    void a_non_canonical_base64_spelling_of_the_same_bytes_is_invalid() {
        // 64 signature bytes end in a two-character group whose second character carries 2 bits and 4
        // unused ones; the JDK's decoder ignores the unused bits, so "…A" and "…B" decode alike.
        String[] parts = acmeKey.split("\\.");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String signature = parts[2];
        int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
        String sameBytes = signature.substring(0, signature.length() - 1) + alphabet.charAt(last | 1);
        assertThat(Base64.getUrlDecoder().decode(sameBytes)).isEqualTo(Base64.getUrlDecoder().decode(signature));

        assertThat(verifier.verify(parts[0] + "." + parts[1] + "." + sameBytes, HOST)).isEqualTo(INVALID_KEY);
    }

    // --- correctly signed payloads that are not canonical ------------------------------------------------

    static Stream<Arguments> nonCanonicalPayloads() {
        String p = ACME_PAYLOAD;
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("extra field at the end", p + "comment=hello\n"),
                Arguments.of("extra field at the start", "version=1\n" + p),
                Arguments.of("extra field in the middle", p.replace("edition=", "seats=10\nedition=")),
                Arguments.of("missing serial", p.replace("serial=ACME-2026-001\n", "")),
                Arguments.of("missing licensee", p.replace("licensee=ACME Sp. z o.o.\n", "")),
                Arguments.of("missing edition", p.replace("edition=commercial\n", "")),
                Arguments.of("duplicated domain, same value", p.replace("domain=portal.acme.example\n",
                        "domain=portal.acme.example\ndomain=portal.acme.example\n")),
                Arguments.of("duplicated domain, second value", p.replace("domain=portal.acme.example\n",
                        "domain=portal.acme.example\ndomain=portal.evil.example\n")),
                Arguments.of("duplicated edition replacing serial", p.replace("serial=ACME-2026-001\n",
                        "edition=demo\n")),
                Arguments.of("fields reordered", p.replace("licensee=ACME Sp. z o.o.\ndomain=portal.acme.example\n",
                        "domain=portal.acme.example\nlicensee=ACME Sp. z o.o.\n")),
                Arguments.of("CRLF line endings", p.replace("\n", "\r\n")),
                Arguments.of("no final line feed", p.substring(0, p.length() - 1)),
                Arguments.of("an empty line at the end", p + "\n"),
                Arguments.of("an empty line in the middle", p.replace("edition=", "\nedition=")),
                Arguments.of("byte-order mark", "\uFEFF" + p),
                Arguments.of("capitalised name", p.replace("licensee=", "Licensee=")),
                Arguments.of("spaces around '='", p.replace("edition=", "edition = ")),
                Arguments.of("name without '='", p.replace("serial=ACME-2026-001", "serial ACME-2026-001")),
                Arguments.of("domain in upper case", p.replace("portal.acme.example", "PORTAL.acme.example")),
                Arguments.of("domain with trailing dot", p.replace("portal.acme.example", "portal.acme.example.")),
                Arguments.of("domain in Unicode", p.replace("portal.acme.example", "bücher.acme.example")),
                Arguments.of("domain empty", p.replace("portal.acme.example", "")),
                Arguments.of("domain not a host", p.replace("portal.acme.example", "portal.acme.example:443")),
                Arguments.of("wildcard over a top-level domain", p.replace("portal.acme.example", "*.example")),
                Arguments.of("licensee with a trailing space", p.replace("o.o.\n", "o.o. \n")),
                Arguments.of("licensee with a leading space", p.replace("licensee=", "licensee= ")),
                Arguments.of("licensee empty", p.replace("ACME Sp. z o.o.", "")),
                Arguments.of("licensee with a tab", p.replace("Sp. z", "Sp.\tz")),
                Arguments.of("licensee with a bell", p.replace("Sp. z", "Sp.\u0007z")),
                Arguments.of("licensee with a right-to-left override", p.replace("Sp. z", "Sp.\u202Ez")),
                Arguments.of("licensee with a NUL", p.replace("Sp. z", "Sp.\u0000z")),
                Arguments.of("edition capitalised", p.replace("=commercial", "=Commercial")),
                Arguments.of("edition unknown", p.replace("=commercial", "=enterprise")),
                Arguments.of("edition empty", p.replace("=commercial", "=")),
                Arguments.of("expiry with a time", p.replace("2026-12-31", "2026-12-31T23:59")),
                Arguments.of("expiry without leading zeros", p.replace("2026-12-31", "2026-1-31")),
                Arguments.of("expiry on no such day", p.replace("2026-12-31", "2026-02-30")),
                Arguments.of("expiry with a sign", p.replace("2026-12-31", "+2026-12-31")),
                Arguments.of("expiry far away", p.replace("2026-12-31", "+12026-12-31")),
                Arguments.of("expiry in another format", p.replace("2026-12-31", "31.12.2026")),
                Arguments.of("expiry with Arabic-Indic digits", p.replace("2026-12-31", "٢٠٢٦-١٢-٣١")),
                Arguments.of("serial with a space", p.replace("ACME-2026-001", "ACME 2026")),
                Arguments.of("serial empty", p.replace("ACME-2026-001", "")),
                Arguments.of("empty payload", ""),
                Arguments.of("only line feeds", "\n\n\n\n\n"),
                Arguments.of("JSON", "{\"licensee\":\"ACME\",\"domain\":\"portal.acme.example\",\"edition\":\"commercial\","
                        + "\"expires\":\"2026-12-31\",\"serial\":\"ACME-2026-001\"}")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonCanonicalPayloads")
    void a_correctly_signed_payload_that_is_not_canonical_is_invalid(String what, String payload) {
        assertThat(payload).isNotEqualTo(ACME_PAYLOAD);

        assertThat(verifier.verify(signedKey(payload, VENDOR.getPrivate()), HOST)).isEqualTo(INVALID_KEY);
    }

    @Test
    void a_correctly_signed_payload_that_is_not_utf8_is_invalid() {
        byte[] canonical = ACME_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        byte[] broken = canonical.clone();
        broken["licensee=ACME".length()] = (byte) 0xFF; // the space after "ACME"

        assertThat(verifier.verify(signedKey(broken, VENDOR.getPrivate()), HOST)).isEqualTo(INVALID_KEY);
        // An overlong encoding of '/' (0xC0 0xAF): decoders that accept it have been fooled before.
        byte[] overlong = ACME_PAYLOAD.replace("ACME Sp. z o.o.", "ACME~~").getBytes(StandardCharsets.UTF_8);
        int at = "licensee=ACME".length();
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        assertThat(verifier.verify(signedKey(overlong, VENDOR.getPrivate()), HOST)).isEqualTo(INVALID_KEY);
    }

    // --- domain ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "host ''{0}''")
    @ValueSource(strings = {"portal.acme.example", "PORTAL.ACME.EXAMPLE", "Portal.Acme.Example.", " portal.acme.example "})
    void the_host_matches_case_insensitively_and_without_its_trailing_dot(String host) {
        assertThat(verifier.verify(acmeKey, host)).isEqualTo(LicenseCheck.valid(ACME));
    }

    @ParameterizedTest(name = "host ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"acme.example", "other.acme.example", "www.portal.acme.example", "portal.acme.example.evil.test",
            "portal.acme.example:443", "https://portal.acme.example"})
    void a_genuine_key_for_another_domain_is_invalid_but_names_its_licence(String host) {
        assertThat(verifier.verify(acmeKey, host)).isEqualTo(new LicenseCheck(Status.INVALID, "LICENSE_INVALID", ACME));
    }

    @ParameterizedTest(name = "*.acme.example for {0}: {1}")
    @CsvSource({
            "portal.acme.example,        VALID",
            "SUPPORT.acme.example.,      VALID",
            "acme.example,               INVALID",
            "a.portal.acme.example,      INVALID",
            "portal.acme.example.evil,   INVALID",
            "evilacme.example,           INVALID",
    })
    void a_wildcard_key_covers_exactly_one_level_below_its_domain(String host, Status status) {
        License wildcard = new License("ACME", "*.acme.example", COMMERCIAL, LocalDate.of(2026, 12, 31), "W-1");

        LicenseCheck check = verifier.verify(issuer.issue(wildcard), host);

        assertThat(check.status()).isEqualTo(status);
        assertThat(check.license()).isEqualTo(wildcard);
    }

    // --- expiry ----------------------------------------------------------------------------------------

    private static LicenseVerifier at(String instant, ZoneId zone) {
        return new LicenseVerifier(VENDOR.getPublic(), Clock.fixed(Instant.parse(instant), zone));
    }

    private String keyExpiring(LocalDate expires, Edition edition) {
        return issuer.issue(new License("ACME", HOST, edition, expires, "E-1"));
    }

    @Test
    void a_key_expiring_today_is_valid_and_one_that_expired_yesterday_is_not() {
        LocalDate today = LocalDate.ofInstant(TODAY.instant(), ZoneOffset.UTC);

        assertThat(verifier.verify(keyExpiring(today, COMMERCIAL), HOST).status()).isEqualTo(Status.VALID);
        assertThat(verifier.verify(keyExpiring(today.plusDays(1), COMMERCIAL), HOST).status()).isEqualTo(Status.VALID);

        LicenseCheck expired = verifier.verify(keyExpiring(today.minusDays(1), COMMERCIAL), HOST);
        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThat(expired.code()).isEqualTo("LICENSE_EXPIRED");
        assertThat(expired.license().expires()).isEqualTo(today.minusDays(1));
    }

    @Test
    void the_expiry_day_ends_at_midnight_utc() {
        String key = keyExpiring(LocalDate.of(2025, 6, 30), COMMERCIAL);

        assertThat(at("2025-06-30T23:59:59.999999999Z", ZoneOffset.UTC).verify(key, HOST).status()).isEqualTo(Status.VALID);
        assertThat(at("2025-07-01T00:00:00Z", ZoneOffset.UTC).verify(key, HOST).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void the_clock_zone_does_not_move_the_expiry() {
        String key = keyExpiring(LocalDate.of(2025, 6, 30), COMMERCIAL);

        // Already 1 July in Warsaw, still 30 June in UTC: valid.
        assertThat(at("2025-06-30T22:30:00Z", ZoneId.of("Europe/Warsaw")).verify(key, HOST).status())
                .isEqualTo(Status.VALID);
        // Still 30 June in Los Angeles, already 1 July in UTC: expired.
        assertThat(at("2025-07-01T00:30:00Z", ZoneId.of("America/Los_Angeles")).verify(key, HOST).status())
                .isEqualTo(Status.EXPIRED);
    }

    // --- edition and the order of the checks -------------------------------------------------------------

    @Test
    void a_current_demo_key_is_demo() {
        License demo = new License("ACME", HOST, DEMO, LocalDate.of(2026, 12, 31), "D-1");

        assertThat(verifier.verify(issuer.issue(demo), HOST)).isEqualTo(new LicenseCheck(Status.DEMO, "LICENSE_DEMO", demo));
    }

    @Test
    void an_expired_demo_key_is_expired_first() {
        LicenseCheck check = verifier.verify(keyExpiring(LocalDate.of(2025, 6, 14), DEMO), HOST);

        assertThat(check.status()).isEqualTo(Status.EXPIRED);
        assertThat(check.license().edition()).isEqualTo(DEMO);
    }

    @Test
    void another_domain_comes_before_expiry_and_edition() {
        assertThat(verifier.verify(keyExpiring(LocalDate.of(2025, 6, 14), COMMERCIAL), "other.example").status())
                .isEqualTo(Status.INVALID);
        assertThat(verifier.verify(keyExpiring(LocalDate.of(2026, 6, 14), DEMO), "other.example").status())
                .isEqualTo(Status.INVALID);
    }

    @Test
    void a_forged_key_is_invalid_whatever_it_claims() {
        // A demo key for this host, expired, signed by someone else: the signature decides, nothing else.
        String forged = new LicenseIssuer(OTHER.getPrivate())
                .issue(new License("ACME", HOST, DEMO, LocalDate.of(2025, 1, 1), "F-1"));

        assertThat(verifier.verify(forged, HOST)).isEqualTo(INVALID_KEY);
    }

    // --- construction ----------------------------------------------------------------------------------

    @Test
    void refuses_a_key_that_is_not_ed25519() throws Exception {
        PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        PublicKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();
        PublicKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseVerifier(rsa, TODAY));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseVerifier(ed448, TODAY));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseVerifier(ec, TODAY));
        assertThatNullPointerException().isThrownBy(() -> new LicenseVerifier(null, TODAY));
        assertThatNullPointerException().isThrownBy(() -> new LicenseVerifier(VENDOR.getPublic(), null));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
