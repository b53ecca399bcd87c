package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.activation.application.PortalStatusQueries;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.CheckRecord;
import org.supporthub.activation.domain.model.PortalStatusRepository;
import org.supporthub.core.domain.model.license.LicenseCheck;
import org.supporthub.core.domain.model.license.LicenseVerifier;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.infrastructure.license.VendorKeys;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

@ApplicationScoped
public class DefaultPortalStatusQueries implements PortalStatusQueries {

    @Inject
    PortalStatusRepository statuses;

    @Inject
    PortalRepository portals;

    @Inject
    VendorKeys keys;

    /** Set by tests instead of {@link #keys}. */
    Supplier<Optional<LicenseVerifier>> verifier;

    @Override
    @Transactional
    public PortalPage portals(PortalFilter filter, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.min(MAX_PAGE, Math.max(1, limit));
        String search = normalised(filter.search());
        List<Portal> page = statuses.page(search, filter.state(), filter.failingCheck(), from, size);
        long total = statuses.count(search, filter.state(), filter.failingCheck());
        Map<String, ActivationReport> reports = statuses.latestOf(page.stream().map(Portal::id).toList());
        return new PortalPage(page.stream().map(p -> status(p, reports.get(p.id()))).toList(), from, size, total);
    }

    @Override
    @Transactional
    public Optional<PortalStatus> portal(String portalId) {
        return portals.find(portalId).map(p -> status(p, statuses.latestOf(List.of(p.id())).get(p.id())));
    }

    /** Lower case, trimmed, without LIKE's wildcards: the manager's words are taken literally. */
    static String normalised(String search) {
        if (search == null) {
            return null;
        }
        String words = search.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return words.isEmpty() ? null : words;
    }

    PortalStatus status(Portal p, ActivationReport report) {
        return new PortalStatus(p.id(), p.name(), p.publicAddress().value(),
                p.verifiedAddress().map(a -> a.value()).orElse(null), p.locale().name().toLowerCase(Locale.ROOT),
                p.botState(), p.disconnectedByRecheck(), p.productVersion(), p.lastHeartbeatAt().orElse(null),
                p.createdAt(), license(p), report == null ? null : activation(report));
    }

    /** What the key says, read offline with the vendor's public key (no query, no network). */
    private LicenseSummary license(Portal p) {
        Optional<LicenseVerifier> v = verifier != null ? verifier.get() : keys.verifier();
        if (v.isEmpty()) {
            return new LicenseSummary("UNKNOWN", null, null, null, null);
        }
        LicenseCheck check = v.get().verify(p.licenseKey(), p.publicAddress().host());
        if (check.license() == null) {
            return new LicenseSummary(check.status().name(), null, null, null, null);
        }
        return new LicenseSummary(check.status().name(), check.license().edition().name().toLowerCase(Locale.ROOT),
                check.license().expires(), check.license().licensee(), check.license().domain());
    }

    static ActivationSummary activation(ActivationReport r) {
        return new ActivationSummary(r.outcome(), r.errorCode().orElse(null), r.errorDetail(), r.requestedByName(),
                r.startedAt(), r.finishedAt(), r.checks().stream().map(DefaultPortalStatusQueries::check).toList());
    }

    private static CheckSummary check(CheckRecord c) {
        return new CheckSummary(c.area(), c.passed(), c.code(), c.detail(), c.millis());
    }
}
