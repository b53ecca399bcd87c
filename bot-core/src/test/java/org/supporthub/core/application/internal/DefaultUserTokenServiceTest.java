package org.supporthub.core.application.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.core.application.InvalidUserTokenException;
import org.supporthub.core.application.InvalidUserTokenException.Reason;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.DocumentedTestVector;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalKeys;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** User tokens signed here exactly as a portal server would sign them, checked against a fixed clock. */
class DefaultUserTokenServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");
    private static final String PORTAL_ID = "5f0c1a52-8a0e-4f0e-9d7a-1c2b3d4e5f60";

    private DefaultUserTokenService service;
    private String portalSecret;
    private PortalSecrets secrets;

    @BeforeEach
    void setUp() throws Exception {
        secrets = PortalSecretsTest.secretsWith(PortalSecretsTest.freshKey());
        portalSecret = secrets.newSecret();
        InMemoryPortalRepository portals = new InMemoryPortalRepository();
        Portal portal = TestPortals.portal(PORTAL_ID, SupportLocale.EN, BotState.INSTALLED,
                secrets.credentialsFor(PORTAL_ID, portalSecret));
        portals.store(portal);

        service = new DefaultUserTokenService();
        service.portals = portals;
        service.secrets = secrets;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The claims a well-behaved portal puts in a token, ten minutes before expiry. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(PORTAL_ID)
                .subject("u-17")
                .claim("name", "Anna Nowak")
                .claim("admin", true)
                .claim("groups", List.of("Admins", "Employees"))
                .claim("locale", "pl")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWTClaimsSet claims, byte[] key, JWSAlgorithm alg) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims()).build(), PortalKeys.tokenKey(portalSecret), JWSAlgorithm.HS256);
    }

    private Reason refusal(String token) {
        InvalidUserTokenException e = catchThrowableOfType(
                InvalidUserTokenException.class, () -> service.verify(token));
        assertThat(e).as("token should have been refused").isNotNull();
        return e.reason();
    }

    // --- accepted tokens ---

    @Test
    void a_valid_token_yields_the_portal_user_with_every_claim() {
        PortalUser user = service.verify(token(c -> c));

        assertThat(user.portalId()).isEqualTo(PORTAL_ID);
        assertThat(user.userId()).isEqualTo("u-17");
        assertThat(user.name()).isEqualTo("Anna Nowak");
        assertThat(user.admin()).isTrue();
        assertThat(user.groups()).containsExactly("Admins", "Employees");
        assertThat(user.locale()).contains(SupportLocale.PL);
        assertThat(user.isEmployee()).isTrue();
    }

    @Test
    void the_portal_read_to_check_the_signature_comes_back_with_the_user() {
        org.supporthub.core.application.UserTokenService.Verified verified = service.verifyWithPortal(token(c -> c));

        assertThat(verified.portal().id()).isEqualTo(PORTAL_ID);
        assertThat(verified.user().portalId()).isEqualTo(PORTAL_ID);
    }

    @Test
    void a_non_admin_without_groups_or_locale() {
        PortalUser user = service.verify(token(c -> c.claim("admin", false).claim("groups", null).claim("locale", null)));

        assertThat(user.admin()).isFalse();
        assertThat(user.groups()).isEmpty();
        assertThat(user.isEmployee()).isFalse();
        assertThat(user.locale()).isEmpty();
    }

    @Test
    void the_optional_email_claim_is_read_and_a_malformed_one_ignored_rather_than_the_token_refused() {
        assertThat(service.verify(token(c -> c)).email()).isEmpty();
        assertThat(service.verify(token(c -> c.claim("email", "anna@portal.example.com"))).email())
                .contains("anna@portal.example.com");
        assertThat(service.verify(token(c -> c.claim("email", "not an address"))).email()).isEmpty();
    }

    @Test
    void a_locale_the_bot_does_not_speak_is_left_out_and_a_regional_one_is_read() {
        assertThat(service.verify(token(c -> c.claim("locale", "de"))).locale()).isEmpty();
        assertThat(service.verify(token(c -> c.claim("locale", "en-GB"))).locale()).contains(SupportLocale.EN);
    }

    @Test
    void the_name_is_trimmed_and_may_be_200_characters_long() {
        assertThat(service.verify(token(c -> c.claim("name", "  Anna  "))).name()).isEqualTo("Anna");
        String longest = "n".repeat(200);
        assertThat(service.verify(token(c -> c.claim("name", longest))).name()).isEqualTo(longest);
    }

    @Test
    void whitespace_around_the_token_is_ignored() {
        assertThat(service.verify("  " + token(c -> c) + "\n").userId()).isEqualTo("u-17");
    }

    // --- the token itself ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void no_token_is_missing(String token) {
        assertThat(refusal(token)).isEqualTo(Reason.TOKEN_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.notjson.c2ln", "Bearer x.y.z", "...."})
    void garbage_is_malformed(String token) {
        assertThat(refusal(token)).isEqualTo(Reason.TOKEN_MALFORMED);
    }

    @Test
    void claims_that_are_not_json_are_malformed() {
        String header = Base64URL.encode("{\"alg\":\"HS256\"}").toString();
        String payload = Base64URL.encode("not json").toString();

        assertThat(refusal(header + "." + payload + ".c2ln")).isEqualTo(Reason.TOKEN_MALFORMED);
    }

    @Test
    void an_unsecured_token_is_refused() {
        // The security property that matters: alg "none" never gets in (whatever the reason says).
        String unsecured = new PlainJWT(claims().build()).serialize();

        assertThatThrownBy(() -> service.verify(unsecured)).isInstanceOf(InvalidUserTokenException.class);
        assertThatThrownBy(() -> service.verify(unsecured + "c2ln")).isInstanceOf(InvalidUserTokenException.class);
    }

    @Test
    void an_unsecured_token_is_refused_for_its_algorithm() {
        String unsecured = new PlainJWT(claims().build()).serialize();

        assertThat(refusal(unsecured)).isEqualTo(Reason.TOKEN_ALGORITHM_REFUSED);
    }

    @Test
    void only_hs256_is_accepted() {
        // A 64-byte key, long enough for HS384/HS512 signers.
        byte[] longKey = (portalSecret + portalSecret).getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(sign(claims().build(), longKey, JWSAlgorithm.HS512)))
                .isEqualTo(Reason.TOKEN_ALGORITHM_REFUSED);
        assertThat(refusal(sign(claims().build(), longKey, JWSAlgorithm.HS384)))
                .isEqualTo(Reason.TOKEN_ALGORITHM_REFUSED);
    }

    @Test
    void an_asymmetric_algorithm_is_refused_before_any_key_is_used() {
        // RS256 header with an arbitrary signature: the classic RSA/HMAC confusion attempt.
        String header = Base64URL.encode("{\"alg\":\"RS256\"}").toString();
        String payload = claims().build().toPayload().toBase64URL().toString();

        assertThat(refusal(header + "." + payload + ".c2ln")).isEqualTo(Reason.TOKEN_ALGORITHM_REFUSED);
    }

    // --- portal and signature ---

    @Test
    void an_unknown_or_missing_issuer_is_an_unknown_portal() {
        assertThat(refusal(token(c -> c.issuer("another-portal")))).isEqualTo(Reason.TOKEN_UNKNOWN_PORTAL);
        assertThat(refusal(token(c -> c.issuer(null)))).isEqualTo(Reason.TOKEN_UNKNOWN_PORTAL);
    }

    @Test
    void a_token_signed_with_another_secret_is_refused() {
        String forged = sign(claims().build(), PortalKeys.tokenKey(secrets.newSecret()), JWSAlgorithm.HS256);

        assertThat(refusal(forged)).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void the_token_of_the_documented_test_vector_verifies_and_nothing_else_signed_like_it_does() {
        DocumentedTestVector v = DocumentedTestVector.load();
        String portalId = "5f0c1a52-8a0e-4f0e-9d7a-1c2b3d4e5f60";
        assertThat(v.get("token payload")).contains("\"iss\":\"" + portalId + "\"").contains("\"exp\":1767225600");
        InMemoryPortalRepository portals = new InMemoryPortalRepository();
        portals.store(TestPortals.portal(portalId, SupportLocale.EN, BotState.INSTALLED,
                secrets.credentialsFor(portalId, v.get("secret"))));
        service.portals = portals;
        service.clock = Clock.fixed(Instant.ofEpochSecond(1767225600L - 600), ZoneOffset.UTC);

        PortalUser user = service.verify(v.get("token signing input") + "." + v.get("token signature"));

        assertThat(user.userId()).isEqualTo("u-17");
        assertThat(user.name()).isEqualTo("Anna Nowak");
        assertThat(user.admin()).isTrue();
        // The challenge answer of the vector is no signature of its token.
        assertThat(refusal(v.get("token signing input") + "." + v.get("challenge answer")))
                .isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void no_token_verifies_for_a_portal_whose_row_holds_another_portals_sealed_secret() {
        // Someone with write access to the database copies this portal's hash and sealed secret into another
        // portal's row, then signs a token for that other portal with the secret they know.
        String other = "7a1e0c52-0000-4f0e-9d7a-1c2b3d4e5f61";
        InMemoryPortalRepository portals = new InMemoryPortalRepository();
        portals.store(TestPortals.portal(PORTAL_ID, SupportLocale.EN, BotState.INSTALLED,
                secrets.credentialsFor(PORTAL_ID, portalSecret)));
        portals.store(TestPortals.portal(other, SupportLocale.EN, BotState.INSTALLED,
                secrets.credentialsFor(PORTAL_ID, portalSecret)));
        service.portals = portals;

        assertThat(refusal(token(c -> c.issuer(other)))).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
        assertThat(service.verify(token(c -> c)).portalId()).isEqualTo(PORTAL_ID);
    }

    @Test
    void a_token_signed_with_the_secret_itself_is_refused() {
        // The scheme before key derivation: the same HMAC the address challenge used to answer with.
        String oldScheme = sign(claims().build(), portalSecret.getBytes(StandardCharsets.UTF_8), JWSAlgorithm.HS256);

        assertThat(refusal(oldScheme)).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void a_token_signed_with_the_challenge_key_is_refused() {
        String wrongKey = sign(claims().build(), PortalKeys.challengeKey(portalSecret), JWSAlgorithm.HS256);

        assertThat(refusal(wrongKey)).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void no_challenge_answer_for_a_tokens_signing_input_verifies_as_its_signature() throws Exception {
        // The attack: ask the portal's public challenge endpoint to "answer" nonce = header.payload.
        String[] parts = token(c -> c.subject("victim").claim("admin", true)).split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        byte[] challengeKey = PortalKeys.challengeKey(portalSecret);

        // A portal that follows the protocol gives no answer at all: the nonce is not of the one form.
        assertThatThrownBy(() -> PortalKeys.challengeAnswer(challengeKey, signingInput))
                .isInstanceOf(IllegalArgumentException.class);
        // And whatever a sloppy portal would MAC with its challenge key, with or without the context, or what
        // the old scheme answered (the secret itself as the key), is no signature of the token.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        for (String[] attempt : new String[][]{
                {"challenge key, context", PortalKeys.CHALLENGE_KEY_INFO + "\n" + signingInput},
                {"challenge key, no context", signingInput}}) {
            mac.init(new javax.crypto.spec.SecretKeySpec(challengeKey, "HmacSHA256"));
            String answer = Base64URL.encode(mac.doFinal(attempt[1].getBytes(StandardCharsets.US_ASCII))).toString();
            assertThat(refusal(signingInput + "." + answer)).as(attempt[0]).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
        }
        mac.init(new javax.crypto.spec.SecretKeySpec(portalSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String oldAnswer = Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))).toString();
        assertThat(refusal(signingInput + "." + oldAnswer)).as("old scheme").isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
        // The genuine signature still verifies: the refusals above are about the key, not the token.
        assertThat(service.verify(signingInput + "." + parts[2]).admin()).isTrue();
    }

    @Test
    void a_token_whose_claims_were_altered_after_signing_is_refused() {
        String[] parts = token(c -> c.claim("admin", false)).split("\\.");
        String promoted = claims().claim("admin", true).build().toPayload().toBase64URL().toString();

        assertThat(refusal(parts[0] + "." + promoted + "." + parts[2])).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void the_signature_is_checked_before_the_times() {
        // A forged token learns nothing about expiry rules.
        String forgedAndExpired = sign(claims().expirationTime(Date.from(NOW.minusSeconds(3600))).build(),
                PortalKeys.tokenKey(secrets.newSecret()), JWSAlgorithm.HS256);

        assertThat(refusal(forgedAndExpired)).isEqualTo(Reason.TOKEN_SIGNATURE_INVALID);
    }

    // --- times ---

    @Test
    void an_expired_token_is_refused_beyond_the_30_second_skew() {
        assertThat(refusal(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(31))))))
                .isEqualTo(Reason.TOKEN_EXPIRED);
        assertThat(refusal(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(3600))))))
                .isEqualTo(Reason.TOKEN_EXPIRED);
    }

    @Test
    void a_token_expired_within_the_skew_is_accepted() {
        assertThat(service.verify(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(30))))).userId())
                .isEqualTo("u-17");
        assertThat(service.verify(token(c -> c.expirationTime(Date.from(NOW)))).userId()).isEqualTo("u-17");
    }

    @Test
    void a_token_may_live_at_most_one_hour_plus_skew() {
        assertThat(service.verify(token(c -> c.expirationTime(Date.from(NOW.plusSeconds(3630))))).userId())
                .isEqualTo("u-17");
        assertThat(refusal(token(c -> c.expirationTime(Date.from(NOW.plusSeconds(3631))))))
                .isEqualTo(Reason.TOKEN_LIFETIME_TOO_LONG);
        assertThat(refusal(token(c -> c.expirationTime(Date.from(NOW.plusSeconds(86_400 * 365))))))
                .isEqualTo(Reason.TOKEN_LIFETIME_TOO_LONG);
    }

    @Test
    void a_token_without_expiry_is_refused() {
        assertThat(refusal(token(c -> c.expirationTime(null)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
    }

    @Test
    void a_token_not_valid_yet_is_refused_beyond_the_skew() {
        assertThat(refusal(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(31))))))
                .isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(service.verify(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(30))))).userId())
                .isEqualTo("u-17");
        assertThat(service.verify(token(c -> c.notBeforeTime(Date.from(NOW.minusSeconds(60))))).userId())
                .isEqualTo("u-17");
    }

    // --- claims ---

    @Test
    void sub_name_and_admin_are_required() {
        assertThat(refusal(token(c -> c.subject(null)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.subject(" ")))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("name", null)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("name", "   ")))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("admin", null)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
    }

    @Test
    void overlong_name_or_subject_is_refused() {
        assertThat(refusal(token(c -> c.claim("name", "n".repeat(201))))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.subject("s".repeat(201))))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
    }

    @Test
    void a_claim_of_the_wrong_type_is_refused() {
        assertThat(refusal(token(c -> c.claim("admin", "true")))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("name", 42)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("groups", "Employees")))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("groups", List.of(1, 2))))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
        assertThat(refusal(token(c -> c.claim("locale", 7)))).isEqualTo(Reason.TOKEN_CLAIMS_INVALID);
    }

    @Test
    void the_users_portal_is_the_issuer_never_a_claim() {
        // A "portalId" claim is ignored: the portal is the one whose secret verified the signature.
        PortalUser user = service.verify(token(c -> c.claim("portalId", "someone-else")));

        assertThat(user.portalId()).isEqualTo(PORTAL_ID);
        assertThat(user.locale()).isEqualTo(Optional.of(SupportLocale.PL));
    }
}
