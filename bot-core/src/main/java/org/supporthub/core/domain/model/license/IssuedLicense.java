package org.supporthub.core.domain.model.license;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A licence key this hub signed, kept so that managers can find it again (a customer who lost theirs, a
 * renewal that should match the old terms). The key is no secret: it is what the customer pastes into
 * their portal, and it only says what the vendor granted. Written in the transaction that signs it.
 */
@Entity
@Table(name = "issued_license")
public class IssuedLicense {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "serial", nullable = false, length = 64)
    private String serial;

    @Column(name = "licensee", nullable = false, length = 200)
    private String licensee;

    @Column(name = "domain", nullable = false, length = 253)
    private String domain;

    @Column(name = "edition", nullable = false, length = 20)
    private String edition;

    @Column(name = "expires", nullable = false)
    private LocalDate expires;

    @Column(name = "license_key", nullable = false, length = 4096)
    private String licenseKey;

    /** The manager who asked for it. */
    @Column(name = "issued_by", nullable = false, length = 100)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected IssuedLicense() {
        // for JPA
    }

    public IssuedLicense(String id, License license, String licenseKey, String issuedBy, Instant issuedAt) {
        this.id = Objects.requireNonNull(id);
        this.serial = license.serial();
        this.licensee = license.licensee();
        this.domain = license.domain();
        this.edition = license.edition().name().toLowerCase(Locale.ROOT);
        this.expires = license.expires();
        this.licenseKey = Objects.requireNonNull(licenseKey);
        this.issuedBy = Objects.requireNonNull(issuedBy);
        this.issuedAt = Objects.requireNonNull(issuedAt);
    }

    public String id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public String licensee() {
        return licensee;
    }

    public String domain() {
        return domain;
    }

    /** {@code commercial} or {@code demo}, as the key says. */
    public String edition() {
        return edition;
    }

    public LocalDate expires() {
        return expires;
    }

    public String licenseKey() {
        return licenseKey;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
