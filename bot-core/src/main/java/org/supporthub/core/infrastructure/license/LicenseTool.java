package org.supporthub.core.infrastructure.license;

import org.supporthub.core.domain.model.license.*;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The vendor's command-line tool for licence keys: creates the vendor key pair, issues licences with the
 * private key, and checks a key the way the hub will. It needs nothing but the JDK, so it runs straight
 * from the bot-core jar:
 *
 * <pre>
 * java -cp bot-core.jar org.supporthub.core.domain.model.license.LicenseTool help
 * </pre>
 *
 * <p>Exit codes: 0 success (for {@code verify-license}: the licence is valid), 1 failure, 2 bad arguments.
 * Arguments are strict: every option is {@code --name value}, given once, and options a command does not
 * know are refused rather than ignored, so a typo cannot silently issue a different licence.
 */
public final class LicenseTool {

    static final String SIGNING_KEY_FILE = "vendor-signing.key";
    static final String PUBLIC_KEY_FILE = "vendor-public.key";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    static final String USAGE = """
            Usage: LicenseTool <command> [options]

            Commands:
              generate-keys  --out-dir DIR
                  Creates the vendor's Ed25519 key pair: DIR/vendor-signing.key (private, PEM PKCS#8,
                  readable by its owner only: keep it offline) and DIR/vendor-public.key (PEM X.509,
                  given to the hub). Existing files are never overwritten.

              issue-license  --signing-key FILE --licensee NAME --domain HOST
                             --edition commercial|demo --expires YYYY-MM-DD [--serial S]
                  Prints a licence key for the portal at HOST, or for every host one label below
                  example.com with --domain '*.example.com'. The licence is valid through the expiry
                  day (UTC). Without --serial a random one is chosen.

              verify-license --public-key FILE --domain HOST --key KEY
                  Prints what the hub would decide for a portal at HOST: VALID, or INVALID, EXPIRED
                  or DEMO with its failure code, and the licence when its signature holds.

              help
                  Prints this text.

            Exit codes: 0 success (verify-license: VALID), 1 failure, 2 bad arguments.
            """;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LicenseTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with the clock that decides "today". */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        if (args.length == 0) {
            err.print(USAGE);
            return BAD_ARGUMENTS;
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "generate-keys" -> generateKeys(Options.parse(options, Set.of("--out-dir"), Set.of()), out, err);
                case "issue-license" -> issueLicense(Options.parse(options,
                        Set.of("--signing-key", "--licensee", "--domain", "--edition", "--expires"),
                        Set.of("--serial")), out, err, clock);
                case "verify-license" -> verifyLicense(Options.parse(options,
                        Set.of("--public-key", "--domain", "--key"), Set.of()), out, clock);
                case "help", "--help", "-h" -> {
                    if (options.length > 0) {
                        throw new UsageException("help takes no options");
                    }
                    out.print(USAGE);
                    yield OK;
                }
                default -> throw new UsageException("Unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return BAD_ARGUMENTS;
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // Unexpected (a file system refusing, say): still a failure the vendor can read, not a trace.
            err.println("error: " + e);
            return FAILED;
        }
    }

    private static int generateKeys(Options options, PrintStream out, PrintStream err) throws Failure, UsageException {
        Path dir = path(options.get("--out-dir"));
        Path signingKeyFile = dir.resolve(SIGNING_KEY_FILE);
        Path publicKeyFile = dir.resolve(PUBLIC_KEY_FILE);
        // Overwriting a signing key would orphan every licence issued with it, so both names must be free.
        for (Path file : new Path[]{signingKeyFile, publicKeyFile}) {
            if (Files.exists(file)) {
                throw new Failure(file + " already exists; refusing to overwrite a vendor key");
            }
        }
        KeyPair pair = LicenseIssuer.generateKeyPair();
        try {
            Files.createDirectories(dir);
            writeOwnerOnly(signingKeyFile, LicenseIssuer.encodePrivateKey(pair.getPrivate()), err);
            Files.writeString(publicKeyFile, LicenseIssuer.encodePublicKey(pair.getPublic()),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new Failure(e.getFile() + " already exists; refusing to overwrite a vendor key");
        } catch (IOException e) {
            throw new Failure("Cannot write the keys to " + dir + ": " + e);
        }
        out.println("Signing key (private, keep offline): " + signingKeyFile);
        out.println("Public key (for the hub):            " + publicKeyFile);
        return OK;
    }

    /**
     * Creates the file already restricted to its owner, where the file system has POSIX permissions, so
     * the private key is never readable by others, not even between creating and restricting it.
     */
    private static void writeOwnerOnly(Path file, String text, PrintStream err) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            File plain = file.toFile();
            boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                    && plain.setWritable(false, false) && plain.setWritable(true, true);
            if (!restricted) {
                err.println("warning: could not restrict " + file + " to its owner; protect it yourself");
            }
        }
        Files.writeString(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static int issueLicense(Options options, PrintStream out, PrintStream err, Clock clock)
            throws Failure, UsageException {
        // Every argument is checked before the signing key is touched: a bad argument is exit code 2.
        Edition edition = Edition.fromCode(options.get("--edition"))
                .orElseThrow(() -> new UsageException("--edition must be commercial or demo"));
        LocalDate expires = date(options.get("--expires"));
        String serial = options.find("--serial").orElseGet(() -> UUID.randomUUID().toString());
        License license;
        try {
            license = new License(options.get("--licensee"), options.get("--domain"), edition, expires, serial);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrivateKey signingKey = readKey(path(options.get("--signing-key")), LicenseIssuer::decodePrivateKey);

        if (license.isExpiredOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            err.println("warning: this licence expired on " + expires + "; the hub will answer "
                    + LicenseCheck.LICENSE_EXPIRED);
        }
        out.println(new LicenseIssuer(signingKey).issue(license));
        return OK;
    }

    private static int verifyLicense(Options options, PrintStream out, Clock clock) throws Failure, UsageException {
        String host = options.get("--domain");
        String key = options.get("--key");
        PublicKey publicKey = readKey(path(options.get("--public-key")), LicenseIssuer::decodePublicKey);

        LicenseCheck check = new LicenseVerifier(publicKey, clock).verify(key, host);
        out.println(check.isValid() ? check.status().name() : check.status() + " (" + check.code() + ")");
        License license = check.license();
        if (license != null) {
            out.println("licensee: " + license.licensee());
            out.println("domain:   " + license.domain());
            out.println("edition:  " + license.edition().code());
            out.println("expires:  " + license.expires());
            out.println("serial:   " + license.serial());
        }
        return check.isValid() ? OK : FAILED;
    }

    private interface KeyReader<K> {
        K read(String text);
    }

    private static <K> K readKey(Path file, KeyReader<K> reader) throws Failure {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new Failure("Cannot read " + file + ": " + e);
        }
        try {
            return reader.read(text);
        } catch (IllegalArgumentException e) {
            throw new Failure(file + ": " + e.getMessage());
        }
    }

    private static Path path(String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Not a file name: " + value);
        }
    }

    private static LocalDate date(String value) throws UsageException {
        try {
            // ISO format only: two-digit months and days, no time; the licence itself limits the year.
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires must be a date written YYYY-MM-DD");
        }
    }

    /** The options after the command: {@code --name value} pairs, each known, each at most once. */
    private static final class Options {
        private final Map<String, String> values;

        private Options(Map<String, String> values) {
            this.values = values;
        }

        static Options parse(String[] args, Set<String> required, Set<String> optional) throws UsageException {
            Set<String> known = new HashSet<>(required);
            known.addAll(optional);
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (!name.startsWith("--")) {
                    throw new UsageException("Unexpected argument: " + name);
                }
                if (!known.contains(name)) {
                    throw new UsageException("Unknown option: " + name);
                }
                // A value that looks like an option means the real value was forgotten: "--licensee --domain x".
                if (i + 1 >= args.length || args[i + 1].isEmpty() || args[i + 1].startsWith("--")) {
                    throw new UsageException("Missing value for " + name);
                }
                if (values.putIfAbsent(name, args[i + 1]) != null) {
                    throw new UsageException(name + " given more than once");
                }
            }
            for (String name : required.stream().sorted().toList()) {
                if (!values.containsKey(name)) {
                    throw new UsageException("Missing " + name);
                }
            }
            return new Options(values);
        }

        String get(String name) {
            return values.get(name);
        }

        Optional<String> find(String name) {
            return Optional.ofNullable(values.get(name));
        }
    }

    /** Bad arguments: exit code 2, with the usage text. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The command could not do its job: exit code 1. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
