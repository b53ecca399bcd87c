package org.supporthub.core.domain.model.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every staff password must be, for every way a password is set (the bootstrap manager, new accounts,
 * resets): at least {@value #MIN_LENGTH} characters, not one of the most common passwords (a built-in list,
 * compared without regard to case), and not the user name. Length beats composition rules (NIST SP 800-63B):
 * no "one digit, one symbol" demands, which push people to {@code Password1!}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any pass phrase; bounds the work a single login can ask of the hash. */
    public static final int MAX_LENGTH = 256;
    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private static final PasswordPolicy STANDARD = new PasswordPolicy(load());

    private final Set<String> common;

    PasswordPolicy(Set<String> commonLowerCase) {
        this.common = Set.copyOf(commonLowerCase);
    }

    /** The policy with the built-in list. */
    public static PasswordPolicy standard() {
        return STANDARD;
    }

    /** What is wrong with the password, in words for the {@code password} field; empty when it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("is one of the most common passwords");
        }
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the user name");
        }
        return Optional.empty();
    }

    int commonCount() {
        return common.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("The built-in list of common passwords is missing");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
