package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.WidgetPresence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Widget presence in the table {@code widget_presence} (migration V93): one row per conversation and hub
 * instance with a socket open. The instance is named by a random id per start, so rows left by a killed
 * instance are never refreshed again, stop counting after {@link #STALE_AFTER_SECONDS} and are removed later.
 */
@ApplicationScoped
@Transactional
public class JpaWidgetPresence implements WidgetPresence {

    /** Rows this much older than the stale limit are deleted by any instance's heartbeat. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    /** Statements take at most this many ids at once. */
    static final int CHUNK = 500;

    private final String instanceId = UUID.randomUUID().toString();

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public void update(Set<String> opened, Set<String> closed) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> all = new ArrayList<>(opened);
        all.addAll(closed);
        // Delete then insert: the opened ones end with exactly one fresh row, the closed ones with none.
        for (List<String> chunk : chunks(all)) {
            jakarta.persistence.Query q = em.createNativeQuery("delete from widget_presence where instance_id = ?1"
                    + " and conversation_id in (" + placeholders(chunk.size(), 2) + ")").setParameter(1, instanceId);
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 2, chunk.get(i));
            }
            q.executeUpdate();
        }
        for (List<String> chunk : chunks(new ArrayList<>(opened))) {
            StringBuilder sql = new StringBuilder("insert into widget_presence (conversation_id, instance_id, seen_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(i + 3).append(", ?1, ?2)");
            }
            jakarta.persistence.Query q = em.createNativeQuery(sql.toString())
                    .setParameter(1, instanceId).setParameter(2, now);
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 3, chunk.get(i));
            }
            q.executeUpdate();
        }
    }

    @Override
    public void heartbeat() {
        Instant now = clock.instant();
        em.createNativeQuery("update widget_presence set seen_at = ?1 where instance_id = ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, instanceId).executeUpdate();
        em.createNativeQuery("delete from widget_presence where seen_at < ?1")
                .setParameter(1, Timestamp.from(now.minus(FORGET_AFTER))).executeUpdate();
    }

    @Override
    public boolean open(String conversationId) {
        Timestamp fresh = Timestamp.from(clock.instant().minusSeconds(STALE_AFTER_SECONDS));
        return !em.createNativeQuery("select instance_id from widget_presence where conversation_id = ?1"
                        + " and seen_at >= ?2")
                .setParameter(1, conversationId).setParameter(2, fresh).setMaxResults(1).getResultList().isEmpty();
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    private static String placeholders(int n, int first) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append('?').append(first + i);
        }
        return b.toString();
    }
}
