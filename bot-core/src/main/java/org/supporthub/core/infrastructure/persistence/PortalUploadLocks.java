package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Makes a portal's row of {@code attachment_portal_lock} (see {@link JpaAttachmentRepository#lockPortalUploads})
 * in a transaction of its own: the upload that needs it holds its conversation's lock in another, and an
 * insert that fails (another instance made the row at the same moment) must fail alone.
 */
@ApplicationScoped
// Class level as for every holder of an entity manager (docs/architecture.md, "Entity managers"); the one
// method overrides it with a transaction of its own.
@Transactional
public class PortalUploadLocks {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String portalId) {
        em.createNativeQuery("insert into attachment_portal_lock (portal_id) values (?)")
                .setParameter(1, portalId).executeUpdate();
    }
}
