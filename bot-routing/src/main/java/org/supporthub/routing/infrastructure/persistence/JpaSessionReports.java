package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.supporthub.routing.application.SessionReports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.supporthub.core.infrastructure.persistence.NativeRows.count;
import static org.supporthub.core.infrastructure.persistence.NativeRows.day;
import static org.supporthub.core.infrastructure.persistence.NativeRows.days;
import static org.supporthub.core.infrastructure.persistence.NativeRows.instant;
import static org.supporthub.core.infrastructure.persistence.NativeRows.nullableLong;
import static org.supporthub.core.infrastructure.persistence.NativeRows.rows;
import static org.supporthub.core.infrastructure.persistence.NativeRows.startOf;
import static org.supporthub.core.infrastructure.persistence.NativeRows.text;

/**
 * The session reports as SQL that runs unchanged on H2 and PostgreSQL: one grouped query per figure
 * (percentiles by {@code percentile_disc(…) within group (order by …)}, which both databases have and which
 * ignores sessions without the duration). Java only reads the grouped rows and fills in days without sessions.
 */
@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaSessionReports implements SessionReports {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public List<DayOutcomes> outcomesPerDay(Scope scope) {
        ScopeSql where = new ScopeSql(scope);
        List<Object[]> rows = rows(where.bind(em.createNativeQuery("select cast(asked_at as date) as d, "
                + outcome("ANSWERED") + ", " + outcome("MISSED") + ", " + outcome("CLOSED_BY_ADMINISTRATOR") + ", "
                + outcome("AUTO_CLOSED") + ", "
                + "sum(case when outcome is null and state = 'CLOSED' then 1 else 0 end), "
                + "sum(case when state <> 'CLOSED' then 1 else 0 end) "
                + "from support_session " + where.sql() + " group by cast(asked_at as date)")).getResultList());
        Map<LocalDate, DayOutcomes> byDay = new HashMap<>();
        for (Object[] r : rows) {
            LocalDate d = day(r[0]);
            byDay.put(d, new DayOutcomes(d, count(r[1]), count(r[2]), count(r[3]), count(r[4]), count(r[5]),
                    count(r[6])));
        }
        return days(scope.from(), scope.to()).stream().map(d -> byDay.getOrDefault(d, DayOutcomes.none(d))).toList();
    }

    private static String outcome(String outcome) {
        return "sum(case when outcome = '" + outcome + "' then 1 else 0 end)";
    }

    /** Count, median and 90th percentile of one duration column. */
    private static String durations(String column) {
        return "count(" + column + "), percentile_disc(0.5) within group (order by " + column + "), "
                + "percentile_disc(0.9) within group (order by " + column + ")";
    }

    private static final String TIMES = durations("queue_millis") + ", " + durations("first_response_millis");

    @Override
    public ResponseTimes responseTimes(Scope scope) {
        ScopeSql where = new ScopeSql(scope);
        List<Object[]> perDay = rows(where.bind(em.createNativeQuery("select cast(asked_at as date) as d, " + TIMES
                + " from support_session " + where.sql() + " group by cast(asked_at as date)")).getResultList());
        Map<LocalDate, DayTimes> byDay = new HashMap<>();
        for (Object[] r : perDay) {
            LocalDate d = day(r[0]);
            byDay.put(d, new DayTimes(d, durations(r, 1), durations(r, 4)));
        }
        // Percentiles of the period come from the sessions, not from the days' percentiles: a query of its own.
        Object[] period = rows(where.bind(em.createNativeQuery("select " + TIMES + " from support_session "
                + where.sql())).getResultList()).get(0);
        List<DayTimes> days = days(scope.from(), scope.to()).stream()
                .map(d -> byDay.getOrDefault(d, new DayTimes(d, Durations.NONE, Durations.NONE))).toList();
        return new ResponseTimes(days, durations(period, 0), durations(period, 3));
    }

    private static Durations durations(Object[] row, int at) {
        long n = count(row[at]);
        return n == 0 ? Durations.NONE : new Durations(n, nullableLong(row[at + 1]), nullableLong(row[at + 2]));
    }

    @Override
    public Satisfaction satisfaction(Scope scope) {
        ScopeSql where = new ScopeSql(scope);
        List<Object[]> rows = rows(where.bind(em.createNativeQuery("select cast(asked_at as date) as d, "
                + "sum(case when vote = 'LIKE' then 1 else 0 end), sum(case when vote = 'DISLIKE' then 1 else 0 end) "
                + "from support_session " + where.sql() + " and vote is not null group by cast(asked_at as date)"))
                .getResultList());
        Map<LocalDate, DayVotes> byDay = new HashMap<>();
        for (Object[] r : rows) {
            LocalDate d = day(r[0]);
            byDay.put(d, new DayVotes(d, count(r[1]), count(r[2])));
        }
        List<DayVotes> days = days(scope.from(), scope.to()).stream()
                .map(d -> byDay.getOrDefault(d, new DayVotes(d, 0, 0))).toList();
        // The period's totals add up the days' grouped counts (a few hundred numbers, no rows).
        return new Satisfaction(days, days.stream().mapToLong(DayVotes::likes).sum(),
                days.stream().mapToLong(DayVotes::dislikes).sum());
    }

    @Override
    public CommentPage comments(Scope scope, int offset, int limit) {
        ScopeSql where = new ScopeSql(scope);
        String commented = where.sql() + " and vote_comment is not null";
        long total = count(where.bind(em.createNativeQuery("select count(*) from support_session " + commented))
                .getSingleResult());
        List<Object[]> rows = rows(where.bind(em.createNativeQuery("select id, asked_at, closed_at, vote, "
                + "vote_comment, operator, channel_id, portal_id from support_session " + commented
                + " order by closed_at desc, id desc offset " + offset + " rows fetch next " + limit + " rows only"))
                .getResultList());
        List<VoteComment> comments = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            comments.add(new VoteComment(text(r[0]), instant(r[1]), instant(r[2]), text(r[3]), text(r[4]),
                    text(r[5]), text(r[6]), text(r[7])));
        }
        return new CommentPage(comments, total);
    }

    @Override
    public List<TriageRow> triage(Scope scope) {
        ScopeSql where = new ScopeSql(scope);
        List<Object[]> rows = rows(where.bind(em.createNativeQuery("select area, coverage, count(*), "
                + "sum(case when held = true or sent_anyway = true then 1 else 0 end), "
                + "sum(case when sent_anyway = true then 1 else 0 end) "
                + "from support_session " + where.sql() + " group by area, coverage")).getResultList());
        List<TriageRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new TriageRow(text(r[0]), text(r[1]), count(r[2]), count(r[3]), count(r[4])));
        }
        // The databases sort nulls differently: order here, unclear and unjudged last.
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        result.sort(Comparator.comparing(TriageRow::area, nullsLast).thenComparing(TriageRow::coverage, nullsLast));
        return result;
    }

    /** The scope as a where clause with numbered parameters: the period, then channel and operator if given. */
    static final class ScopeSql {
        private final List<Object> parameters = new ArrayList<>();
        private final String sql;

        ScopeSql(Scope scope) {
            StringBuilder s = new StringBuilder("where asked_at >= ?1 and asked_at < ?2");
            parameters.add(startOf(scope.from()));
            parameters.add(startOf(scope.to().plusDays(1)));
            scope.channel().ifPresent(c -> {
                parameters.add(c);
                s.append(" and channel_id = ?").append(parameters.size());
            });
            scope.operatorName().ifPresent(o -> {
                parameters.add(o);
                s.append(" and operator = ?").append(parameters.size());
            });
            sql = s.toString();
        }

        String sql() {
            return sql;
        }

        Query bind(Query q) {
            for (int i = 0; i < parameters.size(); i++) {
                q.setParameter(i + 1, parameters.get(i));
            }
            return q;
        }
    }
}
