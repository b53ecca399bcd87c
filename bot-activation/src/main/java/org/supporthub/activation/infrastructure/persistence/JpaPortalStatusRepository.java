package org.supporthub.activation.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.PortalStatusRepository;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@Transactional
public class JpaPortalStatusRepository implements PortalStatusRepository {

    /** Ids per {@code in} list: well under every database's limit on bound parameters. */
    private static final int CHUNK = 500;

    /** The report a portal's list row shows: its latest by finishing time. */
    private static final String LATEST = "r.finishedAt = (select max(r2.finishedAt) from ActivationReport r2"
            + " where r2.portalId = r.portalId)";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public List<Portal> page(String search, BotState state, CheckArea failingCheck, int offset, int limit) {
        return filtered("select p from Portal p", " order by lower(p.name), p.id", Portal.class, search, state,
                failingCheck).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String search, BotState state, CheckArea failingCheck) {
        return filtered("select count(p) from Portal p", "", Long.class, search, state, failingCheck).getSingleResult();
    }

    /**
     * Only the filters that are set become clauses: a null compared in SQL ({@code :x is null}) has no type
     * PostgreSQL can infer.
     */
    private <T> TypedQuery<T> filtered(String select, String order, Class<T> type, String search, BotState state,
                                       CheckArea failingCheck) {
        List<String> where = new ArrayList<>();
        if (search != null) {
            where.add("(lower(p.name) like :q or lower(p.publicAddress) like :q or lower(p.id) like :q)");
        }
        if (state != null) {
            where.add("p.botState = :state");
        }
        if (failingCheck != null) {
            // A failed check is one with a code (CheckResult's rule); EclipseLink compares the embedded
            // boolean with an integer, which H2 refuses.
            where.add("exists (select r.id from ActivationReport r join r.checks c where r.portalId = p.id"
                    + " and c.area = :area and c.code is not null and " + LATEST + ")");
        }
        String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        TypedQuery<T> query = em.createQuery(jpql, type);
        if (search != null) {
            query.setParameter("q", "%" + search + "%");
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (failingCheck != null) {
            query.setParameter("area", failingCheck.name());
        }
        return query;
    }

    @Override
    public Map<String, ActivationReport> latestOf(Collection<String> portalIds) {
        Map<String, ActivationReport> latest = new HashMap<>();
        List<String> ids = List.copyOf(portalIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            // The checks come in the same query (fetch join), not one query per report.
            List<ActivationReport> found = em.createQuery("select distinct r from ActivationReport r"
                            + " left join fetch r.checks where r.portalId in :ids and " + LATEST, ActivationReport.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList();
            // Two reports finished in the same instant: either is the latest; keep one, the same each time.
            found.stream().sorted(Comparator.comparing(ActivationReport::id))
                    .forEach(r -> latest.putIfAbsent(r.portalId(), r));
        }
        return latest;
    }
}
