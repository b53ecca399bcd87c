package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.subject;

class OpenChannelCheckTest {

    private final List<String> asked = new ArrayList<>();

    private OpenChannelCheck checkWith(Optional<OpenChannelRegistry.ServingChannel> serving) {
        OpenChannelCheck check = new OpenChannelCheck();
        check.registry = new OpenChannelRegistry() {
            @Override
            public OpenChannel create(OpenChannelSettings settings) {
                throw new AssertionError("activation only reads the registry");
            }

            @Override
            public Optional<OpenChannel> update(String id, OpenChannelSettings settings) {
                throw new AssertionError("activation only reads the registry");
            }

            @Override
            public List<OpenChannel> all() {
                throw new AssertionError("not needed");
            }

            @Override
            public Optional<ServingChannel> serving(String language, String edition) {
                asked.add(language + "/" + edition);
                return serving;
            }
        };
        return check;
    }

    private static OpenChannel channel() {
        return new OpenChannel("c-1", new OpenChannelSettings("EN", "en", "commercial", true, RoutingMode.ALL, 60, 2,
                false, "UTC", "MON", "09:00", "17:00", List.of("olga")));
    }

    @Test
    void no_channel_for_the_portals_language_is_not_configured() {
        CheckResult r = checkWith(Optional.empty()).run(subject(true, true));
        assertThat(r.code()).isEqualTo(OpenChannelCheck.NOT_CONFIGURED);
        // The fixture portal speaks English; only commercial licences get support.
        assertThat(asked).containsExactly("en/commercial");
    }

    @Test
    void an_invalid_channel_names_each_wrong_field() {
        CheckResult r = checkWith(Optional.of(new OpenChannelRegistry.ServingChannel(channel(),
                List.of("enabled", "operators")))).run(subject(true, true));
        assertThat(r.code()).isEqualTo(OpenChannelCheck.INVALID);
        assertThat(r.detail()).isEqualTo("enabled,operators");
        assertThat(r.args()).containsExactly("enabled, operators");
    }

    @Test
    void a_valid_channel_passes() {
        assertThat(checkWith(Optional.of(new OpenChannelRegistry.ServingChannel(channel(), List.of())))
                .run(subject(true, true)).passed()).isTrue();
    }
}
