package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.address.AddressVerdict.Verdict;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/** What a verdict carries, and what the policy asks the resolver (and what it never asks). */
class AddressPolicyTest {

    private final FakeResolver resolver = new FakeResolver()
            .with("portal.example.com", "93.184.216.34", "2606:2800:220:1::1", "93.184.216.34")
            .with("split.example.com", "93.184.216.34", "192.168.0.7");

    private final AddressPolicy policy = new AddressPolicy(resolver, Set.of(ip("127.0.0.1")), HubPublicAddresses.NONE,
            Set.of(), AllowedPorts.parse("443,8443"));

    @Test
    void an_ok_verdict_carries_the_address_and_every_resolved_address_once() {
        AddressVerdict verdict = policy.check("https://portal.example.com:8443/crm");

        assertThat(verdict.isOk()).isTrue();
        assertThat(verdict.code()).isNull();
        assertThat(verdict.detail()).isNull();
        assertThat(verdict.url().host()).isEqualTo("portal.example.com");
        assertThat(verdict.url().toUri("/rest/ping").toString()).isEqualTo("https://portal.example.com:8443/rest/ping");
        assertThat(verdict.addresses()).containsExactly(ip("93.184.216.34"), ip("2606:2800:220:1::1"));
        assertThat(resolver.asked).containsExactly("portal.example.com");
    }

    @Test
    void a_name_with_one_local_address_among_public_ones_is_local() {
        AddressVerdict verdict = policy.check("https://split.example.com");

        assertThat(verdict.verdict()).isEqualTo(Verdict.PUBLIC_ADDRESS_IS_LOCAL);
        assertThat(verdict.code()).isEqualTo("PUBLIC_ADDRESS_IS_LOCAL");
        assertThat(verdict.detail()).isEqualTo("PRIVATE");
        assertThat(verdict.url().host()).isEqualTo("split.example.com");
        assertThat(verdict.addresses()).isEmpty();
    }

    @Test
    void a_literal_is_its_own_address_and_never_looked_up() {
        AddressVerdict verdict = policy.check("https://93.184.216.34");

        assertThat(verdict.isOk()).isTrue();
        assertThat(verdict.url().host()).isEqualTo("93.184.216.34");
        assertThat(verdict.addresses()).containsExactly(ip("93.184.216.34"));
        // Nor is a number in another spelling: it is refused, not read and not looked up.
        assertThat(policy.check("https://0x5db8d822").detail()).isEqualTo("AMBIGUOUS_IPV4");
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    void localhost_names_are_refused_without_a_lookup() {
        for (String address : List.of("https://localhost", "https://app.localhost.", "https://ip6-loopback")) {
            assertThat(policy.check(address).detail()).isEqualTo("LOOPBACK");
        }
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    void an_unreadable_address_has_no_url() {
        AddressVerdict verdict = policy.check("https://user@portal.example.com");

        assertThat(verdict.code()).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict.detail()).isEqualTo("USER_INFO");
        assertThat(verdict.url()).isNull();
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    void a_resolver_answering_nothing_means_no_such_host() {
        AddressPolicy silent = new AddressPolicy(host -> null, Set.of(), Set.of());

        AddressVerdict verdict = silent.check("https://portal.example.com");

        assertThat(verdict.code()).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict.detail()).isEqualTo(AddressPolicy.DNS_NO_SUCH_HOST);
        assertThat(verdict.url()).isNotNull();
    }

    @Test
    void a_loopback_address_is_loopback_before_it_is_the_hubs_own() {
        assertThat(policy.check("https://127.0.0.1").detail()).isEqualTo("LOOPBACK");
    }

    @Test
    void the_hubs_own_address_is_compared_without_its_scope() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null, ip("2a01:4f8::10").getAddress(), 3);
        AddressPolicy own = new AddressPolicy(resolver, Set.of(scoped), Set.of());

        assertThat(own.check("https://[2a01:4f8::10]").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
    }

    @Test
    void an_allow_list_entry_must_be_a_cidr() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddressPolicy(resolver, Set.of(), Set.of("localhost")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddressPolicy(resolver, Set.of(), Set.of("127.0.0.1/8")));
    }

    @Test
    void the_allow_list_lets_loopback_fixtures_through_even_when_they_are_the_hubs_own() {
        AddressPolicy development = new AddressPolicy(resolver, Set.of(ip("127.0.0.1")), HubPublicAddresses.NONE,
                Set.of("127.0.0.0/8"), AllowedPorts.parse("443,8181"));

        AddressVerdict verdict = development.check("https://127.0.0.1:8181");

        assertThat(verdict.isOk()).isTrue();
        assertThat(verdict.addresses()).containsExactly(ip("127.0.0.1"));
        // Names still are not: a development portal is addressed by its literal.
        assertThat(development.check("https://localhost:8181").detail()).isEqualTo("LOOPBACK");
    }

    @Test
    void a_port_other_than_443_is_refused_unless_allowed_and_nothing_is_looked_up() {
        AddressVerdict verdict = policy.check("https://portal.example.com:8080/");

        assertThat(verdict.code()).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict.detail()).isEqualTo("PORT_NOT_ALLOWED");
        assertThat(verdict.url().port()).isEqualTo(8080);
        assertThat(resolver.asked).isEmpty();
        assertThat(org.supporthub.activation.infrastructure.dns.LocalInterfaces.strictPolicy().check("https://8.8.8.8:22").detail()).isEqualTo("PORT_NOT_ALLOWED");
        assertThat(policy.check("https://portal.example.com:443/").detail()).isNotEqualTo("PORT_NOT_ALLOWED");
    }

    @Test
    void the_hubs_public_name_is_refused_without_a_lookup_and_its_addresses_once_looked_up() {
        FakeResolver dns = new FakeResolver().with("hub.vendor.example", "45.67.89.11")
                .with("a.example.com", "93.184.216.34").with("b.example.com", "45.67.89.11");
        AddressPolicy withHub = new AddressPolicy(dns, Set.of(), HubPublicAddresses.parse("hub.vendor.example"),
                Set.of(), AllowedPorts.HTTPS_ONLY);

        assertThat(withHub.check("https://hub.vendor.example").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
        assertThat(dns.asked).isEmpty();
        assertThat(withHub.check("https://a.example.com").isOk()).isTrue();
        assertThat(withHub.check("https://b.example.com").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
        assertThat(withHub.check("https://[64:ff9b::2d43:590b]").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
    }

    @Test
    void the_strict_policy_knows_this_machine() {
        assertThat(org.supporthub.activation.infrastructure.dns.LocalInterfaces.addresses()).isNotNull();
        AddressPolicy strict = org.supporthub.activation.infrastructure.dns.LocalInterfaces.strictPolicy();

        assertThat(strict.check("https://127.0.0.1").detail()).isEqualTo("LOOPBACK");
        assertThat(strict.check("https://[::1]").detail()).isEqualTo("LOOPBACK");
        assertThat(strict.check("https://localhost").detail()).isEqualTo("LOOPBACK");
    }

    @Test
    void a_verdict_is_consistent() {
        PublicUrl url = PublicUrl.parse("https://portal.example.com").url();
        List<InetAddress> one = List.of(ip("93.184.216.34"));

        assertThatIllegalArgumentException().isThrownBy(() -> new AddressVerdict(Verdict.OK, "X", url, one));
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressVerdict(Verdict.OK, null, null, one));
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressVerdict(Verdict.OK, null, url, List.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AddressVerdict(Verdict.PUBLIC_ADDRESS_IS_LOCAL, null, url, List.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AddressVerdict(Verdict.PUBLIC_ADDRESS_IS_LOCAL, "PRIVATE", url, one));
        assertThat(new AddressVerdict(Verdict.INVALID_PUBLIC_ADDRESS, "BAD_HOST", null, null).addresses()).isEmpty();
    }

    @Test
    void the_system_resolver_refuses_what_is_not_a_name() {
        org.supporthub.activation.infrastructure.dns.SystemHostResolver system =
                new org.supporthub.activation.infrastructure.dns.SystemHostResolver();

        for (String notAName : new String[] {"", "::1", "[::1]"}) {
            assertThatExceptionOfType(UnknownHostException.class)
                    .isThrownBy(() -> system.resolve(notAName));
        }
    }
}
