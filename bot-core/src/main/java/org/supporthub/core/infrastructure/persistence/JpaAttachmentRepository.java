package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaAttachmentRepository implements AttachmentRepository {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(JpaAttachmentRepository.class.getName());

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void store(Attachment attachment) {
        em.persist(attachment);
        em.flush();
    }

    @Inject
    PortalUploadLocks locks;

    /**
     * {@code select ... for update} of the portal's row of {@code attachment_portal_lock}. Only uploads take it,
     * always after their conversation's row, so it cannot close a cycle of locks with anything else.
     */
    @Override
    public void lockPortalUploads(String portalId) {
        if (lock(portalId)) {
            return;
        }
        // The portal's first upload: the row is made in a transaction of its own, then locked here.
        try {
            locks.insert(portalId);
        } catch (RuntimeException e) {
            // Made by another instance or request at the same moment: the row is there all the same.
            LOG.log(java.util.logging.Level.FINE, "Upload lock row of portal " + portalId + " made concurrently", e);
        }
        if (!lock(portalId)) {
            throw new IllegalStateException("No upload lock row for portal " + portalId);
        }
    }

    private boolean lock(String portalId) {
        return !em.createNativeQuery("select portal_id from attachment_portal_lock where portal_id = ? for update")
                .setParameter(1, portalId).getResultList().isEmpty();
    }

    @Override
    public Optional<Attachment> find(String id) {
        return Optional.ofNullable(em.find(Attachment.class, id));
    }

    @Override
    public List<Attachment> ofMessages(String conversationId, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Attachment a where a.conversationId = :c and a.messageSeq in :seqs "
                        + "order by a.messageSeq, a.position", Attachment.class)
                .setParameter("c", conversationId).setParameter("seqs", List.copyOf(seqs)).getResultList();
    }

    @Override
    public List<Attachment> ofConversation(String conversationId) {
        return em.createQuery("select a from Attachment a where a.conversationId = :c order by a.messageSeq, a.position",
                Attachment.class).setParameter("c", conversationId).getResultList();
    }

    @Override
    public long bytesInConversation(String conversationId) {
        return ((Number) em.createQuery("select coalesce(sum(a.size), 0) from Attachment a where a.conversationId = :c")
                .setParameter("c", conversationId).getSingleResult()).longValue();
    }

    @Override
    public long bytesOfPortalSince(String portalId, Instant since) {
        return ((Number) em.createQuery("select coalesce(sum(a.size), 0) from Attachment a "
                        + "where a.portalId = :p and a.createdAt >= :since")
                .setParameter("p", portalId).setParameter("since", since).getSingleResult()).longValue();
    }

    @Override
    public boolean referenced(String sha256) {
        return !em.createQuery("select a.id from Attachment a where a.sha256 = :h", String.class)
                .setParameter("h", sha256).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<String> deleteOfConversation(String conversationId) {
        List<String> hashes = em.createQuery("select distinct a.sha256 from Attachment a where a.conversationId = :c",
                String.class).setParameter("c", conversationId).getResultList();
        em.createQuery("delete from Attachment a where a.conversationId = :c").setParameter("c", conversationId)
                .executeUpdate();
        return hashes;
    }
}
