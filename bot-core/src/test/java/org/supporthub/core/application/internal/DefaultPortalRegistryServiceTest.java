package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.InvalidRegistrationException;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.application.RegisteredPortal;
import org.supporthub.core.application.UnknownPortalException;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DefaultPortalRegistryServiceTest {

    /** Records the hub notices the service appends; knows which conversations each portal has. */
    static class RecordingConversationLog extends ConversationLog {
        final Map<String, List<String>> conversationsByPortal = new LinkedHashMap<>();
        final List<String> journal;

        RecordingConversationLog(List<String> journal) {
            this.journal = journal;
        }

        @Override
        public List<String> conversationIds(String portalId) {
            return conversationsByPortal.getOrDefault(portalId, List.of());
        }

        @Override
        public List<PostedMessage> appendAll(List<Append> appends) {
            journal.add("write of " + appends.size());
            appends.forEach(a -> {
                assertThat(a.kind()).isEqualTo(AuthorKind.SYSTEM);
                journal.add("notice " + a.conversationId() + ": " + a.text());
            });
            return appends.stream().map(a -> new PostedMessage(null, 1, false)).toList();
        }
    }

    private final List<String> journal = new ArrayList<>();
    private final InMemoryPortalRepository portals = new InMemoryPortalRepository();
    private final RecordingConversationLog log = new RecordingConversationLog(journal);
    private final RecordingEvent<String> disabled = new RecordingEvent<>(id -> journal.add("disabled " + id));
    private final RecordingEvent<String> moved = new RecordingEvent<>(id -> journal.add("moved " + id));
    private final BotTexts texts = new BotTexts();
    private final RecordingEvent<BotStateChange> stateChanges =
            new RecordingEvent<>();
    private DefaultPortalRegistryService service;

    @BeforeEach
    void setUp() throws Exception {
        service = new DefaultPortalRegistryService();
        service.portals = portals;
        service.secrets = PortalSecretsTest.secretsWith(PortalSecretsTest.freshKey());
        service.conversations = log;
        service.texts = texts;
        service.validator = StubValidator.valid();
        service.clock = Clock.fixed(TestPortals.NOW, ZoneOffset.UTC);
        service.channelDisabled = disabled;
        service.addressChanged = moved;
        service.botStates = new org.supporthub.core.application.BotStates(stateChanges);
    }

    private static PortalRegistration registration(String publicAddress) {
        return new PortalRegistration("  Acme intranet  ", publicAddress, "  LIC-123  ", "24.100.0", "pl");
    }

    @Nested
    class LegacySealedSecrets {

        @Test
        void are_sealed_again_bound_to_their_portal_and_the_rest_is_left_alone() throws Exception {
            javax.crypto.SecretKey hubKey = PortalSecretsTest.freshKey();
            service.secrets = PortalSecretsTest.secretsWith(hubKey);
            RegisteredPortal current = service.register(registration("https://portal.acme.example"));
            String oldSecret = service.secrets.newSecret();
            portals.store(TestPortals.portal("p-legacy", SupportLocale.EN, BotState.CONNECTED,
                    new org.supporthub.core.domain.model.portal.PortalCredentials(PortalSecrets.hash(oldSecret),
                            org.supporthub.core.infrastructure.security.SecretSealerTest.legacySeal(hubKey, oldSecret))));
            // A legacy value copied into another portal's row (which keeps its own hash): never bound there.
            String copied = org.supporthub.core.infrastructure.security.SecretSealerTest.legacySeal(hubKey, oldSecret);
            portals.store(TestPortals.portal("p-copy", SupportLocale.EN, BotState.CONNECTED,
                    new org.supporthub.core.domain.model.portal.PortalCredentials(PortalSecrets.hash("other"), copied)));

            assertThat(service.resealLegacySecrets()).isEqualTo(1);

            assertThat(portals.replacedSealedSecrets).containsOnlyKeys("p-legacy");
            String resealed = portals.replacedSealedSecrets.get("p-legacy");
            assertThat(service.secrets.sealer.unseal(resealed, "p-legacy")).isEqualTo(oldSecret);
            assertThat(portals.withSecretNotSealedAs(org.supporthub.core.infrastructure.security.SecretSealer.PREFIX))
                    .extracting(Portal::id).containsExactly("p-copy");
            assertThat(portals.find(current.portalId()).orElseThrow().secretSealed())
                    .startsWith(org.supporthub.core.infrastructure.security.SecretSealer.PREFIX);
            assertThat(service.resealLegacySecrets()).as("a second start-up finds nothing to do").isZero();
        }
    }

    @Nested
    class Register {

        @Test
        void stores_a_disabled_portal_and_returns_its_secret_once() {
            RegisteredPortal registered = service.register(registration("HTTPS://Portal.Acme.example:443/intranet"));

            assertThat(registered.portalId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(registered.portalSecret()).hasSize(43);
            Portal stored = portals.find(registered.portalId()).orElseThrow();
            assertThat(stored.name()).isEqualTo("Acme intranet");
            assertThat(stored.licenseKey()).isEqualTo("LIC-123");
            assertThat(stored.productVersion()).isEqualTo("24.100.0");
            assertThat(stored.locale()).isEqualTo(SupportLocale.PL);
            assertThat(stored.publicAddress().value()).isEqualTo("HTTPS://Portal.Acme.example:443/intranet");
            assertThat(stored.publicOrigin()).isEqualTo("https://portal.acme.example");
            assertThat(stored.botState()).isEqualTo(BotState.DISABLED);
            assertThat(stored.createdAt()).isEqualTo(TestPortals.NOW);
            // Only a hash and a sealed copy are kept: the secret itself is not stored readable.
            assertThat(stored.secretHash()).isNotEqualTo(registered.portalSecret());
            assertThat(stored.secretSealed()).doesNotContain(registered.portalSecret());
        }

        @Test
        void the_returned_secret_authenticates_the_portal_and_nothing_else_does() {
            RegisteredPortal registered = service.register(registration("https://portal.acme.example"));

            assertThat(service.authenticate(registered.portalId(), registered.portalSecret()))
                    .map(Portal::id).contains(registered.portalId());
            assertThat(service.authenticate(registered.portalId(), "wrong")).isEmpty();
            assertThat(service.authenticate(registered.portalId(), null)).isEmpty();
            assertThat(service.authenticate("no-such-portal", registered.portalSecret())).isEmpty();
        }

        @Test
        void every_registration_gets_its_own_id_and_secret() {
            RegisteredPortal a = service.register(registration("https://a.example"));
            RegisteredPortal b = service.register(registration("https://b.example"));

            assertThat(a.portalId()).isNotEqualTo(b.portalId());
            assertThat(a.portalSecret()).isNotEqualTo(b.portalSecret());
            assertThat(service.authenticate(a.portalId(), b.portalSecret())).isEmpty();
        }

        @Test
        void keeps_a_caller_chosen_id() {
            RegisteredPortal registered = service.register("demo-portal", registration("http://localhost:8080"));

            assertThat(registered.portalId()).isEqualTo("demo-portal");
            assertThat(service.find("demo-portal")).map(Portal::publicOrigin).contains("http://localhost:8080");
        }

        @Test
        void asks_the_validator() {
            StubValidator validator = StubValidator.valid();
            service.validator = validator;

            service.register(registration("https://portal.acme.example"));

            assertThat(validator.calls).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://portal.acme.example", "portal.acme.example", "https://", "https:///x",
                "https://exa_mple.com", "not a url", ""})
        void refuses_a_bad_public_address_by_field_and_stores_nothing(String address) {
            InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> service.register(registration(address)));

            assertThat(e).isNotNull();
            assertThat(e.fieldErrors()).containsOnlyKeys("publicAddress");
            assertThat(e.fieldErrors().get("publicAddress")).contains("http(s)");
            assertThat(portals.portals).isEmpty();
        }

        @Test
        void reports_the_validators_violations_by_field_and_stores_nothing() {
            service.validator = new StubValidator(Map.of(
                    "name", List.of("must not be blank"),
                    "productVersion", List.of("must be a version such as 24.100.0")));

            InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> service.register(registration("https://portal.acme.example")));

            assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "name", "must not be blank",
                    "productVersion", "must be a version such as 24.100.0"));
            assertThat(portals.portals).isEmpty();
        }

        @Test
        void joins_several_violations_of_one_field() {
            service.validator = new StubValidator(Map.of("name", List.of("must not be blank", "size must be 1-200")));

            InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> service.register(registration("https://portal.acme.example")));

            assertThat(e.fieldErrors().get("name"))
                    .contains("must not be blank").contains("size must be 1-200").contains("; ");
        }

        @Test
        void a_validator_message_for_the_address_is_not_repeated_by_the_address_check() {
            service.validator = new StubValidator(Map.of("publicAddress", List.of("must not be blank")));

            InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> service.register(registration("")));

            assertThat(e.fieldErrors()).containsExactlyEntriesOf(Map.of("publicAddress", "must not be blank"));
        }

        @Test
        void reports_other_fields_and_the_address_together() {
            service.validator = new StubValidator(Map.of("licenseKey", List.of("must not be blank")));

            InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                    () -> service.register(registration("ftp://x.example")));

            assertThat(e.fieldErrors()).containsOnlyKeys("licenseKey", "publicAddress");
        }
    }

    @Nested
    class SupportChannel {

        private Portal stored(BotState state, SupportLocale locale) {
            Portal p = TestPortals.portal("p-1", locale, state);
            portals.store(p);
            return p;
        }

        @Test
        void enabling_installs_the_plain_bot_quietly() {
            Portal p = stored(BotState.DISABLED, SupportLocale.EN);
            log.conversationsByPortal.put("p-1", List.of("c-1"));

            assertThat(service.setSupportChannel("p-1", true)).isEqualTo(BotState.INSTALLED);

            assertThat(p.botState()).isEqualTo(BotState.INSTALLED);
            assertThat(journal).isEmpty();
            assertThat(disabled.fired).isEmpty();
            assertThat(stateChanges.fired).as("the widgets are told the bot's new state")
                    .containsExactly(new BotStateChange("p-1", BotState.INSTALLED));
        }

        @ParameterizedTest
        @EnumSource(value = BotState.class, names = {"INSTALLED", "ACTIVATING", "CONNECTED"})
        void disabling_tells_every_chat_of_the_portal_then_fires_the_event(BotState from) {
            Portal p = stored(from, SupportLocale.EN);
            log.conversationsByPortal.put("p-1", List.of("c-1", "c-2"));
            log.conversationsByPortal.put("p-other", List.of("c-9"));
            String notice = texts.channelDisabled(SupportLocale.EN);

            assertThat(service.setSupportChannel("p-1", false)).isEqualTo(BotState.DISABLED);

            assertThat(p.botState()).isEqualTo(BotState.DISABLED);
            // The notices are stored before the event, whose observers close the chats.
            assertThat(journal).containsExactly("write of 2", "notice c-1: " + notice, "notice c-2: " + notice,
                    "disabled p-1");
            assertThat(disabled.fired).containsExactly("p-1");
            assertThat(stateChanges.fired).containsExactly(new BotStateChange("p-1", BotState.DISABLED));
        }

        @Test
        void the_notice_is_in_the_portals_language() {
            stored(BotState.INSTALLED, SupportLocale.PL);
            log.conversationsByPortal.put("p-1", List.of("c-1"));

            service.setSupportChannel("p-1", false);

            assertThat(journal.get(1)).isEqualTo("notice c-1: " + texts.channelDisabled(SupportLocale.PL))
                    .contains("Portal wyłączył kanał wsparcia");
        }

        @Test
        void the_notice_to_many_chats_is_written_in_slices_not_one_by_one() {
            stored(BotState.CONNECTED, SupportLocale.EN);
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                many.add("c-" + i);
            }
            log.conversationsByPortal.put("p-1", many);

            service.setSupportChannel("p-1", false);

            assertThat(journal).filteredOn(line -> line.startsWith("write of "))
                    .containsExactly("write of 500", "write of 500", "write of 200");
            assertThat(journal).filteredOn(line -> line.startsWith("notice ")).hasSize(1_200);
        }

        @Test
        void disabling_a_portal_without_chats_still_fires_the_event() {
            stored(BotState.INSTALLED, SupportLocale.EN);

            service.setSupportChannel("p-1", false);

            assertThat(journal).containsExactly("disabled p-1");
        }

        @ParameterizedTest
        @EnumSource(value = BotState.class, names = {"INSTALLED", "ACTIVATING", "CONNECTED"})
        void enabling_an_enabled_channel_changes_nothing(BotState state) {
            Portal p = stored(state, SupportLocale.EN);

            assertThat(service.setSupportChannel("p-1", true)).isEqualTo(state);

            assertThat(p.botState()).isEqualTo(state);
            assertThat(journal).isEmpty();
        }

        @Test
        void disabling_a_disabled_channel_changes_nothing_and_tells_nobody() {
            Portal p = stored(BotState.DISABLED, SupportLocale.EN);
            log.conversationsByPortal.put("p-1", List.of("c-1"));

            assertThat(service.setSupportChannel("p-1", false)).isEqualTo(BotState.DISABLED);

            assertThat(p.botState()).isEqualTo(BotState.DISABLED);
            assertThat(journal).isEmpty();
            assertThat(disabled.fired).isEmpty();
            assertThat(stateChanges.fired).as("no move, no announcement").isEmpty();
        }

        @Test
        void switching_twice_acts_once() {
            stored(BotState.INSTALLED, SupportLocale.EN);
            log.conversationsByPortal.put("p-1", List.of("c-1"));

            service.setSupportChannel("p-1", false);
            service.setSupportChannel("p-1", false);

            assertThat(journal).hasSize(3);
            assertThat(disabled.fired).containsExactly("p-1");
        }

        @Test
        void an_unknown_portal_is_refused() {
            assertThatThrownBy(() -> service.setSupportChannel("nope", true))
                    .isInstanceOf(UnknownPortalException.class).hasMessageContaining("nope");
        }
    }

    @Nested
    class Origins {

        @BeforeEach
        void registerOne() {
            service.register(registration("https://Portal.Acme.example/intranet"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://portal.acme.example", "HTTPS://PORTAL.ACME.EXAMPLE",
                "https://portal.acme.example:443", " https://portal.acme.example "})
        void a_registered_portals_origin_may_open_the_widget(String origin) {
            assertThat(service.isPortalOrigin(origin)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://portal.acme.example", "https://portal.acme.example:8443",
                "https://evil.example", "https://portal.acme.example.evil.example", "null", "", "not a url"})
        void any_other_origin_may_not(String origin) {
            assertThat(service.isPortalOrigin(origin)).isFalse();
        }

        @Test
        void no_origin_may_not() {
            assertThat(service.isPortalOrigin(null)).isFalse();
        }

        @Test
        void a_proven_portals_new_address_opens_no_widget_until_it_is_proven() {
            Portal portal = portals.portals.values().iterator().next();
            portal.addressProven(portal.publicAddress());

            service.updateSettings(portal.id(), new PortalRegistration("Acme", "https://moved.acme.example/", "LIC-1",
                    "24.100.0", "pl"));

            assertThat(journal).containsExactly("moved " + portal.id());
            assertThat(service.isPortalOrigin("https://moved.acme.example")).isFalse();
            assertThat(service.isPortalOrigin("https://portal.acme.example")).isTrue();

            portal.addressProven(portal.publicAddress());

            assertThat(service.isPortalOrigin("https://moved.acme.example")).isTrue();
            assertThat(service.isPortalOrigin("https://portal.acme.example")).isFalse();
        }

        @Test
        void a_portal_that_never_proved_an_address_moves_without_a_proof() {
            Portal portal = portals.portals.values().iterator().next();

            service.updateSettings(portal.id(), new PortalRegistration("Acme", "https://moved.acme.example/", "LIC-1",
                    "24.100.0", "pl"));

            assertThat(journal).isEmpty();
            assertThat(service.isPortalOrigin("https://moved.acme.example")).isTrue();
        }
    }
}
