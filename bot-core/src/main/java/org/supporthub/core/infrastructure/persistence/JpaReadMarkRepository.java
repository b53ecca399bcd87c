package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.conversation.ReadMarkRepository;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadSide;

import java.util.List;
import java.util.OptionalLong;

/**
 * Read marks in two columns of the conversation's row ({@code operator_read_seq},
 * {@code administrator_read_seq}; migration V90). They are not mapped on the entity: only these statements
 * touch them, so the entity's cached copy can never write an older mark back.
 */
@ApplicationScoped
// Every call in a transaction (docs/architecture.md, "Entity managers").
@Transactional
public class JpaReadMarkRepository implements ReadMarkRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public OptionalLong raise(String conversationId, ReadSide side, long seq) {
        String column = column(side);
        // The condition makes it monotonic and idempotent in the database itself: the row lock of the update
        // orders two readers, and the second one's lower or equal mark changes nothing.
        int updated = em.createNativeQuery("update conversation set " + column + " = least(?1, last_seq)"
                        + " where id = ?2 and " + column + " < least(?1, last_seq)")
                .setParameter(1, seq).setParameter(2, conversationId)
                .executeUpdate();
        if (updated == 0) {
            return OptionalLong.empty();
        }
        // Our own update holds the row's lock until commit, so this reads the mark it wrote.
        Object mark = em.createNativeQuery("select " + column + " from conversation where id = ?1")
                .setParameter(1, conversationId).getSingleResult();
        return OptionalLong.of(((Number) mark).longValue());
    }

    @Override
    public ReadMarks marks(String conversationId) {
        List<?> rows = em.createNativeQuery(
                        "select operator_read_seq, administrator_read_seq from conversation where id = ?1")
                .setParameter(1, conversationId).getResultList();
        if (rows.isEmpty()) {
            return ReadMarks.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ReadMarks(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static String column(ReadSide side) {
        return side == ReadSide.OPERATOR ? "operator_read_seq" : "administrator_read_seq";
    }
}
