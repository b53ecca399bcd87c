package org.supporthub.core.infrastructure.security;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class Pbkdf2PasswordHashesTest {

    private static final char[] PASSWORD = "tram-lilac-ferry-42".toCharArray();

    @Test
    void writesAlgorithmIterationsSaltAndHashAsJakartaSecurityDoes() {
        String hash = new Pbkdf2PasswordHashes(2_000).hash(PASSWORD);
        String[] parts = hash.split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(parts[1]).isEqualTo("2000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(32);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(hash).doesNotContain("tram");
    }

    @Test
    void theDefaultWorkFactorIsOwaspsFigure() {
        assertThat(Pbkdf2PasswordHashes.OWASP_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void verifiesTheRightPasswordOnlyAndEachHashHasItsOwnSalt() {
        Pbkdf2PasswordHashes hashes = new Pbkdf2PasswordHashes(2_000);
        String a = hashes.hash(PASSWORD);
        assertThat(hashes.verify(PASSWORD, a)).isTrue();
        assertThat(hashes.verify("tram-lilac-ferry-43".toCharArray(), a)).isFalse();
        assertThat(hashes.hash(PASSWORD)).isNotEqualTo(a);
    }

    @Test
    void verifiesHashesMadeByJakartaSecurityAtItsDefaultWorkFactorAndAsksToUpgradeThem() throws Exception {
        // What Jakarta Security's Pbkdf2PasswordHash stored until now: 2,048 iterations, 32-byte salt and key.
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD, salt, 2048, 256)).getEncoded();
        String legacy = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);

        Pbkdf2PasswordHashes current = new Pbkdf2PasswordHashes(10_000);
        assertThat(current.verify(PASSWORD, legacy)).isTrue();
        assertThat(current.needsRehash(legacy)).isTrue();
        String upgraded = current.hash(PASSWORD);
        assertThat(Pbkdf2PasswordHashes.iterationsOf(upgraded)).isEqualTo(10_000);
        assertThat(current.needsRehash(upgraded)).isFalse();
        assertThat(current.verify(PASSWORD, upgraded)).isTrue();
    }

    @Test
    void aHashAtAHigherWorkFactorStillVerifiesAndIsNotDowngraded() {
        String stronger = new Pbkdf2PasswordHashes(20_000).hash(PASSWORD);
        Pbkdf2PasswordHashes current = new Pbkdf2PasswordHashes(10_000);
        assertThat(current.verify(PASSWORD, stronger)).isTrue();
        assertThat(current.needsRehash(stronger)).isFalse();
    }

    @Test
    void otherSha2VariantsVerifyAndAreUpgradedToSha256() throws Exception {
        byte[] salt = new byte[32];
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(PASSWORD, salt, 1000, 512)).getEncoded();
        String sha512 = "PBKDF2WithHmacSHA512:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        Pbkdf2PasswordHashes current = new Pbkdf2PasswordHashes(1_000);
        assertThat(current.verify(PASSWORD, sha512)).isTrue();
        assertThat(current.needsRehash(sha512)).isTrue();
    }

    @Test
    void refusesWhatIsNoHashItReadsWithoutComputing() {
        Pbkdf2PasswordHashes hashes = new Pbkdf2PasswordHashes(1_000);
        for (String bad : new String[]{null, "", "plain-text", "MD5:1:AA==:AA==", "PBKDF2WithHmacSHA256:x:AA==:AA==",
                "PBKDF2WithHmacSHA256:0:AA==:AA==", "PBKDF2WithHmacSHA256:2147483647:AA==:AA==",
                "PBKDF2WithHmacSHA256:1000:not base64!:AA=="}) {
            assertThat(hashes.verify(PASSWORD, bad)).as(String.valueOf(bad)).isFalse();
            assertThat(hashes.needsRehash(bad)).as(String.valueOf(bad)).isTrue();
        }
    }
}
