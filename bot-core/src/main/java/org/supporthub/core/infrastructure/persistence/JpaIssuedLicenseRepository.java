package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.license.IssuedLicense;
import org.supporthub.core.domain.model.license.IssuedLicenseRepository;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
@Transactional
public class JpaIssuedLicenseRepository implements IssuedLicenseRepository {

    private static final String MATCHES = " where (:q is null or lower(l.licensee) like :q or lower(l.domain) like :q"
            + " or lower(l.serial) like :q)";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void store(IssuedLicense license) {
        em.persist(license);
    }

    @Override
    public List<IssuedLicense> newest(String search, int offset, int limit) {
        return matching(em.createQuery("select l from IssuedLicense l" + MATCHES + " order by l.issuedAt desc, l.id desc",
                IssuedLicense.class), search).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String search) {
        return matching(em.createQuery("select count(l) from IssuedLicense l" + MATCHES, Long.class), search)
                .getSingleResult();
    }

    private static <T> TypedQuery<T> matching(TypedQuery<T> query, String search) {
        return query.setParameter("q", pattern(search));
    }

    /** A LIKE pattern that takes the manager's words literally (no wildcards of their own). */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return escaped.isEmpty() ? null : "%" + escaped + "%";
    }
}
