package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaOpenChannelRepository implements OpenChannelRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<OpenChannel> find(String id) {
        return Optional.ofNullable(em.find(OpenChannel.class, id));
    }

    @Override
    public void update(OpenChannel channel, OpenChannelSettings settings) {
        // The old rows of the ordered lists go first, in a flush of their own: otherwise the provider may
        // write a new (channel, position) row before it removes the old one, and the key refuses it.
        channel.clearLists();
        em.flush();
        channel.update(settings);
    }

    @Override
    public Optional<OpenChannel> findForUpdate(String id) {
        return Optional.ofNullable(em.find(OpenChannel.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<OpenChannel> all() {
        return em.createQuery("select c from OpenChannel c order by c.name", OpenChannel.class).getResultList();
    }

    @Override
    public Optional<OpenChannel> serving(String language, String edition) {
        // An enabled channel wins over a disabled one of the same language and edition.
        return em.createQuery("select c from OpenChannel c where c.language = :l and c.edition = :e "
                        + "order by c.enabled desc, c.name", OpenChannel.class)
                .setParameter("l", language).setParameter("e", edition).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public void store(OpenChannel channel) {
        em.persist(channel);
    }
}
