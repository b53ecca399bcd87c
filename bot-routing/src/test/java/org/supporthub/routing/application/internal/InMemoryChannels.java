package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Open channels in a map, in the order they were stored. */
final class InMemoryChannels implements OpenChannelRepository {

    private final Map<String, OpenChannel> byId = new LinkedHashMap<>();

    @Override
    public Optional<OpenChannel> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<OpenChannel> all() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public Optional<OpenChannel> serving(String language, String edition) {
        return byId.values().stream()
                .filter(c -> c.settings().language().equals(language) && c.settings().edition().equals(edition))
                .findFirst();
    }

    @Override
    public void store(OpenChannel channel) {
        byId.put(channel.id(), channel);
    }

    @Override
    public Optional<OpenChannel> findForUpdate(String id) {
        return find(id);
    }

    @Override
    public void update(OpenChannel channel, org.supporthub.routing.domain.model.channel.OpenChannelSettings settings) {
        channel.update(settings);
    }
}
