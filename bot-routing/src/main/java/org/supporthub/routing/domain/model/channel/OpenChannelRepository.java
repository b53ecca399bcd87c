package org.supporthub.routing.domain.model.channel;

import java.util.List;
import java.util.Optional;

/** The registry of open channels. */
public interface OpenChannelRepository {

    Optional<OpenChannel> find(String id);

    /** The channel with its row locked for this transaction: changes to one channel happen one at a time. */
    Optional<OpenChannel> findForUpdate(String id);

    List<OpenChannel> all();

    /** The channel that serves portals of this language and edition, if one is registered. */
    Optional<OpenChannel> serving(String language, String edition);

    void store(OpenChannel channel);

    /** Replaces a stored channel's settings, its ordered lists included. */
    void update(OpenChannel channel, OpenChannelSettings settings);
}
