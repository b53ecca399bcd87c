package org.supporthub.core.domain.model.license;

import java.util.Objects;

/**
 * What the hub concluded about a portal's licence key.
 *
 * @param status  the verdict
 * @param code    the stable failure code shown to portals and matched by clients: {@code null} when
 *                {@link Status#VALID}, otherwise {@link Status#code()}
 * @param license the licence the key carries, once its signature is proved; {@code null} only when the
 *                key itself is invalid (malformed, tampered, not the vendor's). A key for another
 *                domain is {@link Status#INVALID} but still returns its licence, so the message can say
 *                which domain it is for.
 */
public record LicenseCheck(Status status, String code, License license) {

    public static final String LICENSE_INVALID = "LICENSE_INVALID";
    public static final String LICENSE_EXPIRED = "LICENSE_EXPIRED";
    public static final String LICENSE_DEMO = "LICENSE_DEMO";

    /** The verdicts, in the order the verifier checks for them. */
    public enum Status {
        /** A commercial licence for this portal, not expired: support may be given. */
        VALID(null),
        /** Malformed, tampered, not signed by the vendor, or for another domain. */
        INVALID(LICENSE_INVALID),
        /** The vendor's licence for this portal, past its expiry day. */
        EXPIRED(LICENSE_EXPIRED),
        /** The vendor's current licence for this portal, but a demo edition: no support. */
        DEMO(LICENSE_DEMO);

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** The failure code, or {@code null} for {@link #VALID}. */
        public String code() {
            return code;
        }
    }

    public LicenseCheck {
        Objects.requireNonNull(status, "status");
        if (!Objects.equals(code, status.code())) {
            throw new IllegalArgumentException("Status " + status + " has code " + status.code() + ", not " + code);
        }
        // Only an unreadable or forged key has no licence; every other verdict is about a proved licence.
        if (license == null && status != Status.INVALID) {
            throw new IllegalArgumentException("Status " + status + " needs the licence it is about");
        }
    }

    static LicenseCheck valid(License license) {
        return new LicenseCheck(Status.VALID, null, license);
    }

    /** A key that is not the vendor's, or not readable: nothing in it can be trusted, so nothing is returned. */
    static LicenseCheck invalidKey() {
        return new LicenseCheck(Status.INVALID, LICENSE_INVALID, null);
    }

    /** A genuine licence, but for another portal. */
    static LicenseCheck otherDomain(License license) {
        return new LicenseCheck(Status.INVALID, LICENSE_INVALID, Objects.requireNonNull(license));
    }

    static LicenseCheck expired(License license) {
        return new LicenseCheck(Status.EXPIRED, LICENSE_EXPIRED, license);
    }

    static LicenseCheck demo(License license) {
        return new LicenseCheck(Status.DEMO, LICENSE_DEMO, license);
    }

    /** Whether the portal is entitled to support. */
    public boolean isValid() {
        return status == Status.VALID;
    }
}
