package org.supporthub.core.infrastructure.license;

import org.supporthub.core.domain.model.license.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The vendor's command-line tool, run in-process against a temporary directory. */
class LicenseToolTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path signingKey;
    private Path publicKey;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void paths() {
        signingKey = dir.resolve("keys").resolve("vendor-signing.key");
        publicKey = dir.resolve("keys").resolve("vendor-public.key");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return LicenseTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TODAY);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void generateKeys() {
        assertThat(run("generate-keys", "--out-dir", dir.resolve("keys").toString())).as(err()).isZero();
    }

    /** Issues ACME's licence, with one option replaced or added; returns the key printed. */
    private String issue(String option, String value) {
        String[] args = Arrays.stream(issueArgs(option, value))
                .map(a -> a.equals("KEY") ? signingKey.toString() : a).toArray(String[]::new);
        assertThat(run(args)).as(err()).isZero();
        return out().strip();
    }

    private int verify(String key, String host) {
        return run("verify-license", "--public-key", publicKey.toString(), "--domain", host, "--key", key);
    }

    // --- the vendor's workflow -------------------------------------------------------------------------

    @Test
    void generates_keys_issues_a_licence_and_verifies_it() throws IOException {
        generateKeys();
        assertThat(signingKey).isRegularFile();
        assertThat(publicKey).isRegularFile();
        assertThat(out()).contains(signingKey.toString()).contains(publicKey.toString());

        String key = issue("--serial", "ACME-2026-001");
        assertThat(key).startsWith("SHL1.").doesNotContain("\n");
        assertThat(err()).isEmpty();

        assertThat(verify(key, "portal.acme.example")).isZero();
        assertThat(out()).isEqualTo("""
                VALID
                licensee: ACME Sp. z o.o.
                domain:   portal.acme.example
                edition:  commercial
                expires:  2026-12-31
                serial:   ACME-2026-001
                """.replace("\n", System.lineSeparator()));

        // What the tool wrote is what the hub reads: the library accepts the key with the file's public key.
        LicenseVerifier hub = new LicenseVerifier(LicenseIssuer.decodePublicKey(Files.readString(publicKey)), TODAY);
        LicenseCheck check = hub.verify(key, "portal.acme.example");
        assertThat(check.status()).isEqualTo(LicenseCheck.Status.VALID);
        assertThat(check.license()).isEqualTo(LicenseFixtures.ACME);
    }

    @Test
    void the_key_files_are_a_matching_pem_pair() throws IOException {
        generateKeys();

        String privateText = Files.readString(signingKey);
        String publicText = Files.readString(publicKey);
        assertThat(privateText).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicText).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");

        String key = new LicenseIssuer(LicenseIssuer.decodePrivateKey(privateText)).issue(LicenseFixtures.ACME);
        assertThat(new LicenseVerifier(LicenseIssuer.decodePublicKey(publicText), TODAY)
                .verify(key, "portal.acme.example").isValid()).isTrue();
    }

    @Test
    void the_private_key_file_is_readable_by_its_owner_only() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");

        generateKeys();

        assertThat(Files.getPosixFilePermissions(signingKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // The public key is meant to be handed out.
        assertThat(Files.getPosixFilePermissions(publicKey)).contains(PosixFilePermission.OWNER_READ);
    }

    @Test
    void the_private_key_is_never_printed() throws IOException {
        generateKeys();
        String printed = out() + err();

        String body = Files.readString(signingKey).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(printed).doesNotContain(body).doesNotContain("PRIVATE KEY-----");
    }

    @Test
    void never_overwrites_existing_keys() throws IOException {
        generateKeys();
        String before = Files.readString(signingKey);

        assertThat(run("generate-keys", "--out-dir", dir.resolve("keys").toString())).isEqualTo(1);
        assertThat(err()).contains("already exists");
        assertThat(Files.readString(signingKey)).isEqualTo(before);

        // Not even when only the public key is in the way: the pair must not be split.
        Files.delete(signingKey);
        assertThat(run("generate-keys", "--out-dir", dir.resolve("keys").toString())).isEqualTo(1);
        assertThat(signingKey).doesNotExist();
    }

    @Test
    void verify_reports_each_failure_with_its_code_and_exit_code_1() {
        generateKeys();
        String commercial = issue("--serial", "C-1");
        String demo = issue("--edition", "demo");
        assertThat(err()).isEmpty();
        String expired = issue("--expires", "2025-06-14");
        // Issuing a licence that is already over is allowed (for tests), but the vendor is warned.
        assertThat(err()).contains("warning").contains("LICENSE_EXPIRED");

        assertThat(verify(demo, "portal.acme.example")).isEqualTo(1);
        assertThat(out()).startsWith("DEMO (LICENSE_DEMO)").contains("edition:  demo");

        assertThat(verify(expired, "portal.acme.example")).isEqualTo(1);
        assertThat(out()).startsWith("EXPIRED (LICENSE_EXPIRED)").contains("expires:  2025-06-14");

        assertThat(verify(commercial, "other.example")).isEqualTo(1);
        assertThat(out()).startsWith("INVALID (LICENSE_INVALID)").contains("domain:   portal.acme.example");

        assertThat(verify(commercial.substring(0, commercial.length() - 1), "portal.acme.example")).isEqualTo(1);
        assertThat(out()).isEqualTo("INVALID (LICENSE_INVALID)" + System.lineSeparator());
    }

    @Test
    void chooses_a_random_serial_when_none_is_given() {
        generateKeys();
        String first = issue("--serial", null);
        String second = issue("--serial", null);

        assertThat(first).isNotEqualTo(second);
        assertThat(verify(first, "portal.acme.example")).isZero();
        assertThat(out()).containsPattern("serial:   [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void issues_wildcard_licences() {
        generateKeys();
        String key = issue("--domain", "*.ACME.example");

        assertThat(verify(key, "support.acme.example")).isZero();
        assertThat(out()).contains("domain:   *.acme.example");
        assertThat(verify(key, "acme.example")).isEqualTo(1);
        assertThat(verify(key, "a.support.acme.example")).isEqualTo(1);
    }

    @Test
    void help_prints_the_usage_on_standard_output() {
        assertThat(run("help")).isZero();
        assertThat(out()).startsWith("Usage: LicenseTool").contains("generate-keys").contains("issue-license")
                .contains("verify-license");
        assertThat(err()).isEmpty();
        assertThat(run("--help")).isZero();
    }

    // --- bad arguments: exit code 2, usage on standard error ---------------------------------------------

    /** Argument lists with "DIR" for the temporary key directory and "KEY" for a file that does not exist. */
    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("no command", new String[]{}, "Usage:"),
                Arguments.of("unknown command", new String[]{"frobnicate"}, "Unknown command: frobnicate"),
                Arguments.of("help with options", new String[]{"help", "--out-dir", "DIR"}, "help takes no options"),
                Arguments.of("missing option", new String[]{"generate-keys"}, "Missing --out-dir"),
                Arguments.of("missing value", new String[]{"generate-keys", "--out-dir"}, "Missing value for --out-dir"),
                Arguments.of("empty value", new String[]{"generate-keys", "--out-dir", ""}, "Missing value for --out-dir"),
                Arguments.of("unknown option", new String[]{"generate-keys", "--out-dir", "DIR", "--force", "yes"},
                        "Unknown option: --force"),
                Arguments.of("option of another command", new String[]{"generate-keys", "--out-dir", "DIR", "--key", "x"},
                        "Unknown option: --key"),
                Arguments.of("repeated option", new String[]{"generate-keys", "--out-dir", "DIR", "--out-dir", "DIR"},
                        "--out-dir given more than once"),
                Arguments.of("positional argument", new String[]{"generate-keys", "DIR"}, "Unexpected argument: DIR"),
                Arguments.of("name=value form", new String[]{"generate-keys", "--out-dir=DIR"}, "Unknown option: --out-dir=DIR"),
                Arguments.of("single dash", new String[]{"generate-keys", "-out-dir", "DIR"}, "Unexpected argument: -out-dir"),
                Arguments.of("missing expiry", issueArgs("--expires", null), "Missing --expires"),
                Arguments.of("value forgotten", issueArgs("--licensee", "--domain"), "Missing value for --licensee"),
                Arguments.of("unknown edition", issueArgs("--edition", "enterprise"), "--edition must be commercial or demo"),
                Arguments.of("edition in capitals", issueArgs("--edition", "COMMERCIAL"), "--edition must be commercial or demo"),
                Arguments.of("impossible date", issueArgs("--expires", "2026-02-30"), "YYYY-MM-DD"),
                Arguments.of("date in another format", issueArgs("--expires", "31.12.2026"), "YYYY-MM-DD"),
                Arguments.of("date with a time", issueArgs("--expires", "2026-12-31T00:00"), "YYYY-MM-DD"),
                Arguments.of("date without leading zeros", issueArgs("--expires", "2026-1-31"), "YYYY-MM-DD"),
                Arguments.of("date with a sign", issueArgs("--expires", "+2026-12-31"), "YYYY-MM-DD"),
                Arguments.of("year out of range", issueArgs("--expires", "1999-12-31"), "between 2000 and 9999"),
                Arguments.of("bad domain", issueArgs("--domain", "portal acme"), "Not a host name"),
                Arguments.of("URL as domain", issueArgs("--domain", "https://portal.acme.example"), "Not a host name"),
                Arguments.of("wildcard over a TLD", issueArgs("--domain", "*.com"), "Not a host name"),
                Arguments.of("blank licensee", issueArgs("--licensee", "   "), "licensee"),
                Arguments.of("bad serial", issueArgs("--serial", "a b"), "serial"),
                Arguments.of("verify without key", new String[]{"verify-license", "--public-key", "KEY", "--domain", "a.example"},
                        "Missing --key"),
                Arguments.of("verify with a signing key", new String[]{"verify-license", "--signing-key", "KEY",
                        "--domain", "a.example", "--key", "SHL1.x.y"}, "Unknown option: --signing-key"));
    }

    /**
     * ACME's issue-license command ("KEY" for the signing key file) with one option replaced, added, or
     * removed for a null value.
     */
    private static String[] issueArgs(String option, String value) {
        List<String> args = new ArrayList<>(List.of("issue-license", "--signing-key", "KEY",
                "--licensee", "ACME Sp. z o.o.", "--domain", "portal.acme.example",
                "--edition", "commercial", "--expires", "2026-12-31"));
        int at = args.indexOf(option);
        if (at < 0) {
            if (value != null) {
                args.add(option);
                args.add(value);
            }
        } else if (value == null) {
            args.remove(at + 1);
            args.remove(at);
        } else {
            args.set(at + 1, value);
        }
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_arguments_exit_with_2_and_the_usage(String what, String[] template, String message) {
        String[] args = Arrays.stream(template).map(this::placeholders).toArray(String[]::new);

        // Arguments are checked before any file is read or written, so the missing key file is never reached.
        assertThat(run(args)).isEqualTo(2);
        assertThat(err()).contains(placeholders(message)).contains("Usage: LicenseTool");
        assertThat(out()).isEmpty();
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    private String placeholders(String text) {
        return text.replace("DIR", dir.resolve("keys").toString()).replace("KEY", dir.resolve("missing.key").toString());
    }

    // --- failures: exit code 1 ---------------------------------------------------------------------------

    @Test
    void a_missing_signing_key_file_is_a_failure() {
        assertThat(run("issue-license", "--signing-key", dir.resolve("missing.key").toString(), "--licensee", "ACME",
                "--domain", "portal.acme.example", "--edition", "commercial", "--expires", "2026-12-31")).isEqualTo(1);
        assertThat(err()).contains("Cannot read").doesNotContain("Usage:");
        assertThat(out()).isEmpty();
    }

    @Test
    void the_public_key_is_not_a_signing_key() {
        generateKeys();

        assertThat(run("issue-license", "--signing-key", publicKey.toString(), "--licensee", "ACME",
                "--domain", "portal.acme.example", "--edition", "commercial", "--expires", "2026-12-31")).isEqualTo(1);
        assertThat(err()).contains("PRIVATE KEY");
        assertThat(out()).isEmpty();
    }

    @Test
    void a_public_key_file_that_is_not_a_key_is_a_failure() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.key"), "hello");

        assertThat(run("verify-license", "--public-key", junk.toString(), "--domain", "a.example", "--key", "SHL1.x.y"))
                .isEqualTo(1);
        assertThat(err()).contains("junk.key");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_without_a_clock_uses_the_system_clock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(LicenseTool.run(new String[]{"help"}, stream, stream)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
    }
}
