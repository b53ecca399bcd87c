package org.supporthub.core.domain.model.license;

import java.net.IDN;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the vendor grants a customer: support for the portal at {@link #domain()}, in an {@link Edition},
 * through the day {@link #expires()} (inclusive, in UTC).
 *
 * <p>Values are normalised here (licensee stripped, domain lower-cased without a trailing dot) so that
 * every licence has exactly one payload encoding; {@link LicenseKeyFormat} relies on that to refuse
 * signed payloads that are not in canonical form.
 *
 * @param licensee who the licence was sold to, shown in messages; printable text, 1 to
 *                 {@value #MAX_LICENSEE_LENGTH} characters
 * @param domain   the host name of the portal the licence is for (ASCII, lower case; internationalised names
 *                 are converted to their {@code xn--} form), or {@code *.example.com} for any host exactly one
 *                 label below {@code example.com} (not {@code example.com} itself, not {@code a.b.example.com})
 * @param edition  commercial or demo
 * @param expires  the last day the licence is valid, in UTC; years 2000 to 9999 so the date always has the
 *                 plain {@code YYYY-MM-DD} form
 * @param serial   the vendor's reference for this licence: a letter or digit, then up to 63 letters, digits,
 *                 dots, hyphens or underscores
 */
public record License(String licensee, String domain, Edition edition, LocalDate expires, String serial) {

    public static final int MAX_LICENSEE_LENGTH = 200;

    /** One DNS label in its ASCII form (RFC 1123: letters, digits, inner hyphens, at most 63). */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String WILDCARD_PREFIX = "*.";

    public License {
        Objects.requireNonNull(licensee, "licensee");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(serial, "serial");

        licensee = licensee.strip();
        if (licensee.isEmpty() || licensee.length() > MAX_LICENSEE_LENGTH || !isPrintable(licensee)) {
            throw new IllegalArgumentException("The licensee must be 1 to " + MAX_LICENSEE_LENGTH
                    + " printable characters");
        }
        String normalised = normaliseDomain(domain).orElse("");
        if (!isValidDomain(normalised)) {
            throw new IllegalArgumentException("Not a host name or *.domain wildcard: " + printable(domain));
        }
        domain = normalised;
        if (expires.getYear() < 2000 || expires.getYear() > 9999) {
            throw new IllegalArgumentException("The expiry year must be between 2000 and 9999: " + expires);
        }
        if (!SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("The serial must be 1 to 64 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit: " + printable(serial));
        }
    }

    /** Whether this licence's domain is a {@code *.example.com} wildcard. */
    public boolean isWildcard() {
        return domain.startsWith(WILDCARD_PREFIX);
    }

    /**
     * Whether the portal at this host is covered: the same name, compared case-insensitively and ignoring
     * a trailing dot; for a wildcard, the wildcard's domain with exactly one more label in front.
     * A host with a port, a path or anything else that is not a plain host name is never covered.
     */
    public boolean coversHost(String host) {
        Optional<String> normalised = normaliseHost(host);
        if (normalised.isEmpty()) {
            return false;
        }
        String name = normalised.get();
        if (!isWildcard()) {
            return name.equals(domain);
        }
        String suffix = domain.substring(1); // ".example.com"
        if (!name.endsWith(suffix)) {
            return false;
        }
        // LABEL has no dots, so this is exactly one label: a.example.com, never a.b.example.com.
        return LABEL.matcher(name.substring(0, name.length() - suffix.length())).matches();
    }

    /** Whether the licence has run out on that (UTC) day; it is still valid on the expiry day itself. */
    public boolean isExpiredOn(LocalDate day) {
        return day.isAfter(expires);
    }

    /**
     * Text a licence may carry: no control characters (they would break the line-based payload or hide
     * in logs), no line or paragraph separators, no invisible format characters such as bidirectional
     * overrides (they could make a licensee look like another), no unpaired surrogates (they do not
     * survive UTF-8).
     */
    static boolean isPrintable(String text) {
        return text.codePoints().allMatch(c -> {
            if (Character.isISOControl(c)) {
                return false;
            }
            int type = Character.getType(c);
            return type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                    && type != Character.FORMAT && type != Character.SURROGATE;
        });
    }

    private static Optional<String> normaliseDomain(String domain) {
        String trimmed = domain.strip();
        if (trimmed.startsWith(WILDCARD_PREFIX)) {
            return normaliseHost(trimmed.substring(WILDCARD_PREFIX.length())).map(base -> WILDCARD_PREFIX + base);
        }
        return normaliseHost(trimmed);
    }

    /**
     * A host name in the form licences are written in: ASCII (IDNA), lower case, without the trailing dot
     * of a fully qualified name. Empty when it cannot be converted.
     */
    private static Optional<String> normaliseHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(host.strip()).toLowerCase(Locale.ROOT);
            return Optional.of(ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isValidDomain(String domain) {
        if (domain.isEmpty() || domain.length() > 253) {
            return false;
        }
        boolean wildcard = domain.startsWith(WILDCARD_PREFIX);
        String[] labels = (wildcard ? domain.substring(WILDCARD_PREFIX.length()) : domain).split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A wildcard needs a registrable-looking base: "*.com" would license every .com portal, and a base
        // ending in digits is part of an IP address, where "one more label" means nothing.
        return !wildcard || (labels.length >= 2 && !ALL_DIGITS.matcher(labels[labels.length - 1]).matches());
    }

    /** A value safe to put in an exception message: control characters escaped, length capped. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return "'" + out + (value.length() > 100 ? "…'" : "'");
    }
}
