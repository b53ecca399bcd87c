package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.InvalidOpenChannelException;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.channel.OpenChannelRules;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DefaultOpenChannelRegistry implements OpenChannelRegistry {

    @Inject
    OpenChannelRepository channels;

    @Inject
    StaffAccountRepository staff;

    @Override
    @Transactional
    public OpenChannel create(OpenChannelSettings settings) {
        refuseInvalid(settings);
        OpenChannel channel = new OpenChannel(UUID.randomUUID().toString(), settings);
        channels.store(channel);
        return channel;
    }

    @Override
    @Transactional
    public Optional<OpenChannel> update(String id, OpenChannelSettings settings) {
        // Locked: two updates of one channel at once would each replace its ordered operator rows from what
        // they read before the other committed, and collide on (channel, position).
        Optional<OpenChannel> channel = channels.findForUpdate(id);
        if (channel.isPresent()) {
            refuseInvalid(settings);
            channels.update(channel.get(), settings);
        }
        return channel;
    }

    @Override
    @Transactional
    public List<OpenChannel> all() {
        return channels.all();
    }

    @Override
    @Transactional
    public Optional<ServingChannel> serving(String language, String edition) {
        return channels.serving(language, edition)
                .map(c -> new ServingChannel(c, OpenChannelRules.invalidFields(c.settings(), this::isOperator)));
    }

    /** A manager may store a switched-off channel; anything else wrong is refused. */
    private void refuseInvalid(OpenChannelSettings settings) {
        List<String> invalid = OpenChannelRules.invalidFields(settings, this::isOperator).stream()
                .filter(f -> !f.equals("enabled")).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidOpenChannelException(invalid);
        }
    }

    private boolean isOperator(String username) {
        return staff.findByUsername(username).map(a -> a.roles().contains(StaffRole.OPERATOR)).orElse(false);
    }
}
