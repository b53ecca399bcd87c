package org.supporthub.routing.application;

import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;

import java.util.List;
import java.util.Optional;

/** Managers keep the registry of open channels; activation asks which one serves a portal. */
public interface OpenChannelRegistry {

    /**
     * @throws InvalidOpenChannelException naming each bad field; nothing is stored
     */
    OpenChannel create(OpenChannelSettings settings);

    /**
     * @throws InvalidOpenChannelException naming each bad field; nothing is changed
     */
    Optional<OpenChannel> update(String id, OpenChannelSettings settings);

    List<OpenChannel> all();

    /** The channel for portals of this language and edition, and what is wrong with it now (empty: nothing). */
    Optional<ServingChannel> serving(String language, String edition);

    /** A channel as activation finds it. */
    record ServingChannel(OpenChannel channel, List<String> invalidFields) {
        public ServingChannel {
            invalidFields = List.copyOf(invalidFields);
        }
    }
}
