package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.application.PortalStatusQueries;
import org.supporthub.activation.application.PortalStatusQueries.PortalFilter;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.activation.domain.model.PortalStatusRepository;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.license.Edition;
import org.supporthub.core.domain.model.license.License;
import org.supporthub.core.domain.model.license.LicenseIssuer;
import org.supporthub.core.domain.model.license.LicenseVerifier;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The managers' list of portals: what each row says, and that a page is read in a fixed number of queries. */
class DefaultPortalStatusQueriesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final KeyPair VENDOR = LicenseIssuer.generateKeyPair();

    private final List<Portal> stored = new ArrayList<>();
    private final Map<String, ActivationReport> reports = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private final List<Object> asked = new ArrayList<>();

    private DefaultPortalStatusQueries queries() {
        DefaultPortalStatusQueries q = new DefaultPortalStatusQueries();
        q.statuses = new PortalStatusRepository() {
            @Override
            public List<Portal> page(String search, BotState state, CheckArea failingCheck, int offset, int limit) {
                queries.add("page");
                asked.addAll(java.util.Arrays.asList(search, state, failingCheck, offset, limit));
                return stored.stream().skip(offset).limit(limit).toList();
            }

            @Override
            public long count(String search, BotState state, CheckArea failingCheck) {
                queries.add("count");
                return stored.size();
            }

            @Override
            public Map<String, ActivationReport> latestOf(Collection<String> portalIds) {
                queries.add("latest");
                Map<String, ActivationReport> found = new HashMap<>();
                portalIds.stream().filter(reports::containsKey).forEach(id -> found.put(id, reports.get(id)));
                return found;
            }
        };
        q.verifier = () -> Optional.of(new LicenseVerifier(VENDOR.getPublic(), Clock.fixed(NOW, ZoneOffset.UTC)));
        return q;
    }

    private Portal portal(String id, String host, String key) {
        Portal p = new Portal(id, "Portal " + id, PublicAddress.of("https://" + host), key, "24.1.0", SupportLocale.PL,
                new PortalCredentials("hash", "sealed"), NOW.minusSeconds(3600));
        stored.add(p);
        return p;
    }

    private static String key(String domain, Edition edition, LocalDate expires) {
        return new LicenseIssuer(VENDOR.getPrivate()).issue(new License("Acme", domain, edition, expires, "S-" + domain));
    }

    @Test
    void a_row_carries_the_licence_terms_and_the_latest_activation_with_each_check() {
        Portal acme = portal("p-1", "portal.acme.example", key("portal.acme.example", Edition.COMMERCIAL,
                LocalDate.of(2027, 1, 31)));
        acme.apply(BotEvent.CHANNEL_ENABLED);
        reports.put("p-1", new ActivationReport("r-1", "p-1", "u-1", "Anna", NOW.minusSeconds(60), NOW.minusSeconds(58),
                "FAILED", List.of(CheckResult.pass(CheckArea.LICENSE, Duration.ofMillis(4)),
                CheckResult.fail(CheckArea.HUB_REACHES_PORTAL, "NETWORK_ERROR", "TLS_EXPIRED", Duration.ofMillis(812)))));
        portal("p-2", "old.example", key("old.example", Edition.COMMERCIAL, LocalDate.of(2025, 12, 31)));
        portal("p-3", "x.example", "not-a-licence");

        PortalStatusQueries.PortalPage page = queries().portals(PortalFilter.all(), 0, 50);

        assertThat(page.total()).isEqualTo(3);
        PortalStatusQueries.PortalStatus first = page.items().get(0);
        assertThat(first.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(first.productVersion()).isEqualTo("24.1.0");
        assertThat(first.locale()).isEqualTo("pl");
        assertThat(first.license().status()).isEqualTo("VALID");
        assertThat(first.license().edition()).isEqualTo("commercial");
        assertThat(first.license().expires()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(first.latestActivation().requestedByName()).isEqualTo("Anna");
        assertThat(first.latestActivation().checks()).hasSize(2);
        assertThat(first.latestActivation().checks().get(1)).isEqualTo(new PortalStatusQueries.CheckSummary(
                "HUB_REACHES_PORTAL", false, "NETWORK_ERROR", "TLS_EXPIRED", 812));
        assertThat(page.items().get(1).license().status()).isEqualTo("EXPIRED");
        assertThat(page.items().get(1).license().expires()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(page.items().get(1).latestActivation()).isNull();
        assertThat(page.items().get(2).license().status()).isEqualTo("INVALID");
        assertThat(page.items().get(2).license().edition()).isNull();
    }

    @Test
    void a_page_costs_three_queries_whatever_its_size() {
        for (int i = 0; i < 80; i++) {
            portal("p-" + i, "p" + i + ".example", "k");
        }

        queries().portals(PortalFilter.all(), 0, 80);

        assertThat(queries).containsExactly("page", "count", "latest");
    }

    @Test
    void filters_are_passed_on_normalised_and_the_page_is_bounded() {
        queries().portals(new PortalFilter("  ACME_100% ", BotState.CONNECTED, CheckArea.LICENSE), -5, 100_000);

        assertThat(asked).containsExactly("acme100", BotState.CONNECTED, CheckArea.LICENSE, 0,
                PortalStatusQueries.MAX_PAGE);
        assertThat(DefaultPortalStatusQueries.normalised("   ")).isNull();
    }

    @Test
    void without_the_vendors_public_key_the_licence_is_unknown_not_invalid() {
        portal("p-1", "portal.acme.example", "anything");
        DefaultPortalStatusQueries q = queries();
        q.verifier = Optional::empty;

        assertThat(q.portals(PortalFilter.all(), 0, 10).items().get(0).license().status()).isEqualTo("UNKNOWN");
    }
}
