package org.supporthub.core.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.core.application.LicenseService;
import org.supporthub.core.domain.model.license.Edition;
import org.supporthub.core.domain.model.license.IssuedLicense;
import org.supporthub.core.domain.model.license.IssuedLicenseRepository;
import org.supporthub.core.domain.model.license.License;
import org.supporthub.core.domain.model.license.LicenseCheck;
import org.supporthub.core.domain.model.license.LicenseIssuer;
import org.supporthub.core.domain.model.license.LicenseVerifier;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing a licence signs it and puts it in the register; the register lists newest first. */
class DefaultLicenseServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final KeyPair VENDOR = LicenseIssuer.generateKeyPair();

    private final List<IssuedLicense> stored = new ArrayList<>();

    private DefaultLicenseService service(Optional<LicenseIssuer> issuer) {
        DefaultLicenseService s = new DefaultLicenseService();
        s.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        s.issuer = () -> issuer;
        s.register = new IssuedLicenseRepository() {
            @Override
            public void store(IssuedLicense license) {
                stored.add(license);
            }

            @Override
            public List<IssuedLicense> newest(String search, int offset, int limit) {
                return stored.stream().sorted(Comparator.comparing(IssuedLicense::issuedAt).reversed())
                        .skip(offset).limit(limit).toList();
            }

            @Override
            public long count(String search) {
                return stored.size();
            }
        };
        return s;
    }

    @Test
    void an_issued_licence_verifies_and_is_registered_with_who_issued_it() {
        License license = new License("Acme Ltd", "portal.acme.example", Edition.COMMERCIAL, LocalDate.of(2027, 12, 31),
                "ACME-1");

        IssuedLicense issued = service(Optional.of(new LicenseIssuer(VENDOR.getPrivate()))).issue("maria", license);

        assertThat(stored).containsExactly(issued);
        assertThat(issued.issuedBy()).isEqualTo("maria");
        assertThat(issued.issuedAt()).isEqualTo(NOW);
        assertThat(issued.edition()).isEqualTo("commercial");
        assertThat(issued.serial()).isEqualTo("ACME-1");
        LicenseCheck check = new LicenseVerifier(VENDOR.getPublic(), Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(issued.licenseKey(), "portal.acme.example");
        assertThat(check.isValid()).isTrue();
        assertThat(check.license()).isEqualTo(license);
    }

    @Test
    void without_a_signing_key_nothing_is_issued_or_registered() {
        License license = new License("Acme Ltd", "portal.acme.example", Edition.DEMO, LocalDate.of(2027, 12, 31), "D-1");

        assertThatThrownBy(() -> service(Optional.empty()).issue("maria", license))
                .isInstanceOf(LicenseService.NoSigningKeyException.class);
        assertThat(stored).isEmpty();
    }

    @Test
    void the_page_asked_for_is_bounded() {
        DefaultLicenseService s = service(Optional.of(new LicenseIssuer(VENDOR.getPrivate())));
        for (int i = 0; i < 3; i++) {
            s.issue("maria", new License("L" + i, "p" + i + ".example", Edition.COMMERCIAL, LocalDate.of(2027, 1, 1),
                    "S" + i));
        }

        assertThat(s.issued(null, -1, 0)).hasSize(1);
        assertThat(s.issued(null, 0, 10_000)).hasSize(3);
    }
}
