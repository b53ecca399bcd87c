package org.supporthub.core.domain.model.license;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's side: decides, offline, whether a licence key entitles a portal to support.
 *
 * <p>The checks run in a fixed order, and the first that fails gives the verdict:
 * <ol>
 *   <li>format and signature: anything unreadable, altered or not signed by the vendor's key is
 *       {@link LicenseCheck.Status#INVALID} with no licence, and the same answer whatever the fault, so
 *       probing keys teaches nothing about which part was wrong. The payload is read only after its
 *       signature holds;</li>
 *   <li>domain: a genuine licence for another portal is {@code INVALID} too, but carries the licence so
 *       the portal can be told which domain it is for;</li>
 *   <li>expiry, by the UTC date of the clock: {@link LicenseCheck.Status#EXPIRED};</li>
 *   <li>edition: a demo licence is {@link LicenseCheck.Status#DEMO}. Expiry comes first because renewing
 *       is the more useful thing to tell an expired demo's owner.</li>
 * </ol>
 *
 * <p>{@link #verify(String, String)} never throws for a bad key or host. Instances are immutable and safe
 * to share between threads.
 */
public final class LicenseVerifier {

    private final PublicKey vendorKey;
    private final Clock clock;

    /**
     * @param vendorKey the vendor's Ed25519 public key
     * @param clock     decides "today"; only its instant is used, always read in UTC
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public LicenseVerifier(PublicKey vendorKey, Clock clock) {
        this.vendorKey = Ed25519Keys.requireEd25519(vendorKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param key        the licence key as the customer pasted it (surrounding and embedded spaces and line
     *                   breaks are ignored); may be {@code null}
     * @param portalHost the host name the portal is reached at, e.g. from its public address; may be
     *                   {@code null}, which no licence covers
     */
    public LicenseCheck verify(String key, String portalHost) {
        Optional<License> proved = provedLicense(key);
        if (proved.isEmpty()) {
            return LicenseCheck.invalidKey();
        }
        License license = proved.get();
        if (!license.coversHost(portalHost)) {
            return LicenseCheck.otherDomain(license);
        }
        if (license.isExpiredOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            return LicenseCheck.expired(license);
        }
        if (license.edition() == Edition.DEMO) {
            return LicenseCheck.demo(license);
        }
        return LicenseCheck.valid(license);
    }

    /** The licence in the key, when the key is well formed and its signature is the vendor's. */
    private Optional<License> provedLicense(String key) {
        try {
            Optional<LicenseKeyFormat.SignedPayload> signed = LicenseKeyFormat.split(key);
            if (signed.isEmpty() || !signatureHolds(signed.get())) {
                return Optional.empty();
            }
            return LicenseKeyFormat.parsePayload(signed.get().payload());
        } catch (RuntimeException e) {
            // Nothing above should throw for any input; if a provider does anyway, a key that cannot be
            // checked is an invalid key, not an error page.
            return Optional.empty();
        }
    }

    private boolean signatureHolds(LicenseKeyFormat.SignedPayload signed) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(vendorKey);
            verifier.update(signed.payload());
            return verifier.verify(signed.signature());
        } catch (GeneralSecurityException e) {
            // SignatureException for a signature that is not even a valid encoding: just a bad key.
            return false;
        }
    }
}
