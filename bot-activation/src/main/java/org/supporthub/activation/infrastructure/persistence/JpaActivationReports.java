package org.supporthub.activation.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.supporthub.activation.application.ActivationReports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.supporthub.core.infrastructure.persistence.NativeRows.count;
import static org.supporthub.core.infrastructure.persistence.NativeRows.day;
import static org.supporthub.core.infrastructure.persistence.NativeRows.days;
import static org.supporthub.core.infrastructure.persistence.NativeRows.rows;
import static org.supporthub.core.infrastructure.persistence.NativeRows.startOf;
import static org.supporthub.core.infrastructure.persistence.NativeRows.text;

/**
 * The activation report as grouped SQL over {@code activation_report}, {@code activation_check} and
 * {@code activation_run}, the same on H2 and PostgreSQL. Four small queries, whatever the number of runs.
 */
@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaActivationReports implements ActivationReports {

    private static final String PERIOD = " r.started_at >= ?1 and r.started_at < ?2";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Summary summary(LocalDate from, LocalDate to) {
        Map<LocalDate, DayAttempts> byDay = new HashMap<>();
        for (Object[] r : rows(period(em.createNativeQuery("select cast(r.started_at as date), "
                + "sum(case when r.outcome = 'CONNECTED' then 1 else 0 end), "
                + "sum(case when r.outcome = 'FAILED' then 1 else 0 end), "
                + "sum(case when r.outcome not in ('CONNECTED', 'FAILED') then 1 else 0 end) "
                + "from activation_report r where" + PERIOD + " group by cast(r.started_at as date)"), from, to)
                .getResultList())) {
            LocalDate d = day(r[0]);
            byDay.put(d, new DayAttempts(d, count(r[1]), count(r[2]), count(r[3])));
        }
        List<DayAttempts> days = days(from, to).stream()
                .map(d -> byDay.getOrDefault(d, new DayAttempts(d, 0, 0, 0))).toList();
        long portals = count(period(em.createNativeQuery(
                "select count(distinct r.portal_id) from activation_report r where" + PERIOD), from, to)
                .getSingleResult());
        long running = count(period(em.createNativeQuery(
                "select count(*) from activation_run r where" + PERIOD), from, to).getSingleResult());
        List<FailingCheck> checks = new ArrayList<>();
        for (Object[] r : rows(period(em.createNativeQuery("select c.area, c.code, count(*), "
                + "count(distinct r.portal_id) from activation_check c join activation_report r on r.id = c.report_id "
                + "where c.passed = false and" + PERIOD + " group by c.area, c.code"), from, to).getResultList())) {
            checks.add(new FailingCheck(text(r[0]), text(r[1]), count(r[2]), count(r[3])));
        }
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        checks.sort(Comparator.comparingLong(FailingCheck::failures).reversed()
                .thenComparing(FailingCheck::area, nullsLast).thenComparing(FailingCheck::code, nullsLast));
        List<RunError> errors = new ArrayList<>();
        for (Object[] r : rows(period(em.createNativeQuery("select r.error_code, count(*) from activation_report r "
                + "where r.error_code is not null and" + PERIOD + " group by r.error_code"), from, to).getResultList())) {
            errors.add(new RunError(text(r[0]), count(r[1])));
        }
        errors.sort(Comparator.comparingLong(RunError::attempts).reversed().thenComparing(RunError::code));
        return new Summary(days, portals, running, checks, errors);
    }

    private static Query period(Query q, LocalDate from, LocalDate to) {
        return q.setParameter(1, startOf(from)).setParameter(2, startOf(to.plusDays(1)));
    }
}
