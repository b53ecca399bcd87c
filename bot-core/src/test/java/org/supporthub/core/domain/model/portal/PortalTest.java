package org.supporthub.core.domain.model.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.IllegalBotTransitionException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    private static Portal portal() {
        return new Portal("p-1", "Acme intranet", PublicAddress.of("HTTPS://Portal.Acme.example:443/intranet"),
                "LIC-1", "24.100.0", SupportLocale.PL, new PortalCredentials("hash", "sealed"), CREATED);
    }

    @Test
    void a_new_portal_starts_disabled_with_its_address_and_origin() {
        Portal p = portal();

        assertThat(p.botState()).isEqualTo(BotState.DISABLED);
        assertThat(p.supportChannelEnabled()).isFalse();
        assertThat(p.publicAddress().value()).isEqualTo("HTTPS://Portal.Acme.example:443/intranet");
        assertThat(p.publicOrigin()).isEqualTo("https://portal.acme.example");
        assertThat(p.secretHash()).isEqualTo("hash");
        assertThat(p.secretSealed()).isEqualTo("sealed");
        assertThat(p.locale()).isEqualTo(SupportLocale.PL);
        assertThat(p.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void a_portal_that_never_proved_an_address_opens_the_widget_from_the_claimed_one() {
        Portal p = portal();

        assertThat(p.verifiedAddress()).isEmpty();
        assertThat(p.addressAwaitsProof()).isFalse();
        assertThat(p.widgetOrigin()).isEqualTo("https://portal.acme.example");
        assertThat(p.updateSettings(PublicAddress.of("https://elsewhere.example"), "LIC-1", "24.100.0"))
                .as("nothing proven, nothing to prove again").isFalse();
        assertThat(p.widgetOrigin()).isEqualTo("https://elsewhere.example");
    }

    @Test
    void a_new_address_of_a_proven_portal_is_trusted_only_once_proven() {
        Portal p = portal();
        p.addressProven(p.publicAddress());
        assertThat(p.verifiedAddress()).contains(PublicAddress.of("HTTPS://Portal.Acme.example:443/intranet"));

        boolean awaits = p.updateSettings(PublicAddress.of("https://new.acme.example:8443/x"), "LIC-2", "24.100.1");

        assertThat(awaits).isTrue();
        assertThat(p.addressAwaitsProof()).isTrue();
        assertThat(p.publicOrigin()).isEqualTo("https://new.acme.example:8443");
        assertThat(p.widgetOrigin()).as("still the proven one").isEqualTo("https://portal.acme.example");
        // The same address reported again (a licence change, say) is no new claim.
        assertThat(p.updateSettings(PublicAddress.of("https://new.acme.example:8443/x"), "LIC-3", "24.100.1")).isFalse();

        p.addressProven(PublicAddress.of("https://new.acme.example:8443/x"));

        assertThat(p.addressAwaitsProof()).isFalse();
        assertThat(p.widgetOrigin()).isEqualTo("https://new.acme.example:8443");
        // Moving back to the old address is a claim like any other: proven once is not proven for ever.
        assertThat(p.updateSettings(PublicAddress.of("HTTPS://Portal.Acme.example:443/intranet"), "LIC-3", "24.100.1"))
                .isTrue();
        assertThat(p.widgetOrigin()).isEqualTo("https://new.acme.example:8443");
    }

    @Test
    void refuses_missing_required_fields() {
        PublicAddress address = PublicAddress.of("https://portal.example.com");
        PortalCredentials credentials = new PortalCredentials("h", "s");
        assertThatNullPointerException().isThrownBy(() -> new Portal(null, "n", address, "l", "1", SupportLocale.EN,
                credentials, CREATED));
        assertThatNullPointerException().isThrownBy(() -> new Portal("id", null, address, "l", "1", SupportLocale.EN,
                credentials, CREATED));
        assertThatNullPointerException().isThrownBy(() -> new Portal("id", "n", address, "l", "1", null,
                credentials, CREATED));
        assertThatNullPointerException().isThrownBy(() -> new PortalCredentials(null, "s"));
        assertThatNullPointerException().isThrownBy(() -> new PortalCredentials("h", null));
    }

    @Test
    void apply_moves_the_bot_and_returns_the_state_before() {
        Portal p = portal();

        assertThat(p.apply(BotEvent.CHANNEL_ENABLED)).isEqualTo(BotState.DISABLED);
        assertThat(p.botState()).isEqualTo(BotState.INSTALLED);

        assertThat(p.apply(BotEvent.ACTIVATION_STARTED)).isEqualTo(BotState.INSTALLED);
        assertThat(p.apply(BotEvent.ACTIVATION_SUCCEEDED)).isEqualTo(BotState.ACTIVATING);
        assertThat(p.botState()).isEqualTo(BotState.CONNECTED);

        assertThat(p.apply(BotEvent.CHANNEL_DISABLED)).isEqualTo(BotState.CONNECTED);
        assertThat(p.botState()).isEqualTo(BotState.DISABLED);
    }

    @Test
    void a_refused_event_leaves_the_state_as_it_was() {
        Portal p = portal();

        assertThatThrownBy(() -> p.apply(BotEvent.ACTIVATION_STARTED))
                .isInstanceOf(IllegalBotTransitionException.class)
                .hasMessageContaining("DISABLED").hasMessageContaining("ACTIVATION_STARTED");
        assertThat(p.botState()).isEqualTo(BotState.DISABLED);
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void the_support_channel_is_enabled_in_every_state_but_disabled(BotState target) {
        Portal p = portal();
        driveTo(p, target);

        assertThat(p.botState()).isEqualTo(target);
        assertThat(p.supportChannelEnabled()).isEqualTo(target != BotState.DISABLED);
    }

    private static void driveTo(Portal p, BotState target) {
        switch (target) {
            case DISABLED -> { }
            case INSTALLED -> p.apply(BotEvent.CHANNEL_ENABLED);
            case ACTIVATING -> {
                p.apply(BotEvent.CHANNEL_ENABLED);
                p.apply(BotEvent.ACTIVATION_STARTED);
            }
            case CONNECTED -> {
                p.apply(BotEvent.CHANNEL_ENABLED);
                p.apply(BotEvent.ACTIVATION_STARTED);
                p.apply(BotEvent.ACTIVATION_SUCCEEDED);
            }
        }
    }
}
