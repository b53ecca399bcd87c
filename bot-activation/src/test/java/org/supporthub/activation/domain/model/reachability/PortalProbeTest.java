package org.supporthub.activation.domain.model.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supporthub.activation.domain.model.reachability.CountingResolver.ipv4;
import static org.supporthub.activation.domain.model.reachability.TestCertificates.PORTAL_HOST;
import static org.supporthub.activation.domain.model.reachability.TlsTestServer.answering;
import static org.supporthub.activation.domain.model.reachability.TlsTestServer.response;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SNIHostName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AllowedPorts;
import org.supporthub.activation.domain.model.address.HubPublicAddresses;
import org.supporthub.activation.domain.model.address.AddressVerdict;
import org.supporthub.core.domain.model.portal.PortalKeys;

/**
 * The probe against real HTTPS servers on loopback: one server per test, presenting the certificate and
 * giving the answer the test is about. Addresses come from the real {@link AddressPolicy}, with a resolver
 * that maps {@code portal.test} to loopback and loopback allow-listed, as in development.
 */
class PortalProbeTest {

    private static final ProbeSettings QUICK =
            new ProbeSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3), 4096);

    private static TestCertificates certificates;
    private static PortalProbe probe;

    private final CountingResolver resolver = new CountingResolver().answer(PORTAL_HOST, "127.0.0.1");
    /** Loopback and any port: the test servers listen on random ports of 127.0.0.1. */
    private final AddressPolicy policy = new AddressPolicy(resolver, Set.of(), HubPublicAddresses.NONE,
            Set.of("127.0.0.0/8"), AllowedPorts.parse("1-65535"));
    private TlsTestServer server;

    @BeforeAll
    static void makeCertificates() {
        certificates = new TestCertificates();
        probe = new PortalProbe(QUICK, certificates.trustingRootOnly(), Clock.systemUTC());
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPortalWithAValidCertificateIsReachedUnderItsName() throws Exception {
        server = new TlsTestServer(certificates.valid(), answering("hello from the portal"));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/rest/support.check?x=1");

        assertThat(result.ok()).isTrue();
        assertThat(result.failure()).isNull();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("hello from the portal");
        assertThat(result.connectedTo()).isEqualTo(ipv4("127.0.0.1"));
        assertThat(result.took()).isPositive();
        assertThat(server.requests).singleElement().satisfies(head -> assertThat(head)
                .startsWith("GET /rest/support.check?x=1 HTTP/1.1\r\n")
                .contains("\r\nHost: portal.test:" + server.port() + "\r\n")
                .contains("\r\nUser-Agent: SupportHub-Activation/1\r\n")
                .contains("\r\nConnection: close\r\n"));
        assertThat(server.serverNames).singleElement().isEqualTo(List.of(new SNIHostName(PORTAL_HOST)));
    }

    @Test
    void anIpLiteralIsCheckedAgainstTheIpSubjectAltNameAndSendsNoSni() throws Exception {
        server = new TlsTestServer(certificates.valid(), answering("by address"));

        ProbeResult result = probe.fetch(verdict("https://127.0.0.1:" + server.port()), "/");

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.body()).isEqualTo("by address");
        assertThat(server.serverNames).singleElement().isEqualTo(List.of());
        assertThat(server.requests.get(0)).contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n");
    }

    @Test
    void aRevokedCertificateIsRefusedAndAnUnknownStatusIsNot() throws Exception {
        TestCertificates.Identity portal = certificates.valid();
        server = new TlsTestServer(portal, answering("revoked or not"));
        List<X509Certificate> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        PortalProbe revoking = new PortalProbe(QUICK, certificates.trustingRootOnly(), Clock.systemUTC(), chain -> {
            asked.add(chain[0]);
            return RevocationCheck.Status.REVOKED;
        });
        PortalProbe softFailing = new PortalProbe(QUICK, certificates.trustingRootOnly(), Clock.systemUTC(),
                chain -> RevocationCheck.Status.UNKNOWN);

        ProbeResult revoked = revoking.fetch(verdict("https://portal.test:" + server.port()), "/");
        ProbeResult unknown = softFailing.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(revoked.ok()).isFalse();
        assertThat(revoked.failure()).isEqualTo(ReachabilityFailure.TLS_REVOKED);
        assertThat(asked).as("asked about the leaf the portal presented").isNotEmpty()
                .allSatisfy(leaf -> assertThat(leaf).isEqualTo(portal.leaf()));
        assertThat(unknown.ok()).as("soft-fail: no answer is no refusal").isTrue();
    }

    @Test
    void anUntrustedCertificateIsNeverCheckedForRevocation() throws Exception {
        server = new TlsTestServer(certificates.unknownIssuer(), answering("never"));
        List<X509Certificate> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        PortalProbe recording = new PortalProbe(QUICK, certificates.trustingRootOnly(), Clock.systemUTC(), chain -> {
            asked.add(chain[0]);
            return RevocationCheck.Status.GOOD;
        });

        ProbeResult result = recording.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.TLS_UNTRUSTED_ISSUER);
        assertThat(asked).as("its responder is never contacted").isEmpty();
    }

    static Stream<Arguments> badCertificates() {
        return Stream.of(
                Arguments.of("self-signed", certificate(TestCertificates::selfSigned),
                        ReachabilityFailure.TLS_SELF_SIGNED),
                Arguments.of("expired", certificate(TestCertificates::expired), ReachabilityFailure.TLS_EXPIRED),
                Arguments.of("for other.test", certificate(TestCertificates::wrongHost),
                        ReachabilityFailure.TLS_HOSTNAME_MISMATCH),
                Arguments.of("CN only, no subjectAltName", certificate(TestCertificates::commonNameOnly),
                        ReachabilityFailure.TLS_HOSTNAME_MISMATCH),
                Arguments.of("unknown issuer", certificate(TestCertificates::unknownIssuer),
                        ReachabilityFailure.TLS_UNTRUSTED_ISSUER));
    }

    private static Function<TestCertificates, TestCertificates.Identity> certificate(
            Function<TestCertificates, TestCertificates.Identity> make) {
        return make;
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badCertificates")
    void eachCertificateFlawHasItsOwnCode(String flaw, Function<TestCertificates, TestCertificates.Identity> identity,
                                          ReachabilityFailure expected) throws Exception {
        server = new TlsTestServer(identity.apply(certificates), answering("must not be read"));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isEqualTo(expected);
        assertThat(result.body()).isNull();
        assertThat(result.connectedTo()).isEqualTo(ipv4("127.0.0.1"));
        assertThat(server.requests).as("nothing is sent over a refused connection").isEmpty();
    }

    @ParameterizedTest(name = "hub clock {0} days from now")
    @ValueSource(ints = {-3650, 3650})
    void validityIsJudgedByTheHubsClock(int daysFromNow) throws Exception {
        server = new TlsTestServer(certificates.valid(), answering("fine today"));
        Clock elsewhen = Clock.fixed(Instant.now().plus(Duration.ofDays(daysFromNow)), ZoneOffset.UTC);
        PortalProbe probeAtAnotherTime = new PortalProbe(QUICK, certificates.trustingRootOnly(), elsewhen);

        ProbeResult result = probeAtAnotherTime.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.TLS_EXPIRED);
    }

    @Test
    void somethingThatIsNotTlsIsAHandshakeFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 10, ipv4("127.0.0.1"))) {
            Thread answerInPlainText = daemon(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write(response(400, "Bad Request", "plain HTTP here"));
                    socket.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException ignored) {
                    // The probe hung up, as it should.
                }
            });
            answerInPlainText.start();

            ProbeResult result = probe.fetch(verdict("https://portal.test:" + plain.getLocalPort()), "/");

            assertThat(result.failure()).isEqualTo(ReachabilityFailure.TLS_HANDSHAKE);
        }
    }

    @Test
    void aClosedPortIsConnectRefused() throws Exception {
        int closedPort;
        try (ServerSocket ephemeral = new ServerSocket(0, 1, ipv4("127.0.0.1"))) {
            closedPort = ephemeral.getLocalPort();
        }

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + closedPort), "/");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.CONNECT_REFUSED);
        assertThat(result.connectedTo()).isNull();
        assertThat(result.status()).isZero();
    }

    @Test
    void aServerThatAcceptsAndSaysNothingTimesOutByTheDeadline() throws Exception {
        // The read timeout alone would wait 5 s: the deadline must end it first.
        ProbeSettings deadlineFirst =
                new ProbeSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(1500), 4096);
        PortalProbe impatient = new PortalProbe(deadlineFirst, certificates.trustingRootOnly(), Clock.systemUTC());
        try (ServerSocket silent = new ServerSocket(0, 10, ipv4("127.0.0.1"))) {
            Thread acceptAndWait = daemon(() -> {
                try (Socket socket = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException ignored) {
                    // Ends with the test.
                }
            });
            acceptAndWait.start();

            long start = System.nanoTime();
            ProbeResult result = impatient.fetch(verdict("https://portal.test:" + silent.getLocalPort()), "/");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.failure()).isEqualTo(ReachabilityFailure.TIMEOUT);
            assertThat(result.connectedTo()).isEqualTo(ipv4("127.0.0.1"));
            assertThat(elapsed).isLessThan(Duration.ofMillis(1500).plusSeconds(2));
            acceptAndWait.interrupt();
        }
    }

    @Test
    void aServerThatTricklesBytesIsCutOffByTheDeadline() throws Exception {
        // Each byte arrives well within the read timeout; only the overall deadline can stop this.
        ProbeSettings settings =
                new ProbeSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500), 4096);
        PortalProbe impatient = new PortalProbe(settings, certificates.trustingRootOnly(), Clock.systemUTC());
        try (ServerSocket trickling = new ServerSocket(0, 10, ipv4("127.0.0.1"))) {
            Thread trickle = daemon(() -> {
                try (Socket socket = trickling.accept()) {
                    OutputStream out = socket.getOutputStream();
                    // A TLS handshake record header announcing 16 KiB, then its content one byte at a time.
                    out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                    for (int i = 0; i < 100; i++) {
                        out.write(0x02);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // The probe hung up, as it should.
                }
            });
            trickle.start();

            long start = System.nanoTime();
            ProbeResult result = impatient.fetch(verdict("https://portal.test:" + trickling.getLocalPort()), "/");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.failure()).isEqualTo(ReachabilityFailure.TIMEOUT);
            assertThat(elapsed).isLessThan(Duration.ofMillis(1500).plusSeconds(2));
        }
    }

    @Test
    void anErrorStatusIsKept() throws Exception {
        server = new TlsTestServer(certificates.valid(),
                (request, out) -> out.write(response(404, "Not Found", "no such page")));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/missing");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.HTTP_STATUS);
        assertThat(result.status()).isEqualTo(404);
    }

    @Test
    void aRedirectIsNeverFollowed() throws Exception {
        server = new TlsTestServer(certificates.valid(), (request, out) -> out.write(
                response(302, "Found", "", "Location: https://portal.test:" + server.port() + "/elsewhere")));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.REDIRECT_REFUSED);
        assertThat(result.status()).isEqualTo(302);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void anInterimResponseIsSkipped() throws Exception {
        server = new TlsTestServer(certificates.valid(), (request, out) -> {
            out.write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(response(200, "OK", "after the hints"));
        });

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.body()).isEqualTo("after the hints");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content-length", "chunked", "close-delimited"})
    void eachBodyFramingIsRead(String framing) throws Exception {
        String body = "ż".repeat(100) + "-end";
        server = new TlsTestServer(certificates.valid(), framed(framing, body));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.body()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content-length", "chunked", "close-delimited"})
    void aBodyOverTheLimitIsRefusedWhateverItsFraming(String framing) throws Exception {
        server = new TlsTestServer(certificates.valid(), framed(framing, "x".repeat(100_000)));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.RESPONSE_TOO_LARGE);
        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void aBodyExactlyAtTheLimitIsRead() throws Exception {
        server = new TlsTestServer(certificates.valid(), framed("chunked", "y".repeat(4096)));

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.body()).hasSize(4096);
    }

    @Test
    void thePortalThatKnowsTheSecretPassesTheChallenge() throws Exception {
        String secret = "portal-secret-256-bits";
        server = new TlsTestServer(certificates.valid(), challengeAnswerer(secret));

        ProbeResult result = probe.challenge(verdict("https://portal.test:" + server.port()),
                PortalKeys.challengeKey(secret));

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(server.requests.get(0))
                .matches("(?s)GET /\\.well-known/support-hub/challenge\\?nonce=[A-Za-z0-9_-]{43} HTTP/1\\.1\r\n.*");
    }

    @Test
    void aSiteThatDoesNotKnowTheSecretFailsTheChallenge() throws Exception {
        server = new TlsTestServer(certificates.valid(), challengeAnswerer("someone else's secret"));

        ProbeResult result = probe.challenge(verdict("https://portal.test:" + server.port()),
                PortalKeys.challengeKey("portal-secret-256-bits"));

        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isEqualTo(ReachabilityFailure.CHALLENGE_MISMATCH);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isNotBlank();
    }

    @Test
    void aPortalStillAnsweringWithTheSecretItselfFailsTheChallenge() throws Exception {
        // The scheme before derived keys: base64url(HMAC-SHA256(secret, nonce)). It is no longer a proof.
        String secret = "portal-secret-256-bits";
        server = new TlsTestServer(certificates.valid(), (request, out) -> {
            String nonce = request.substring(request.indexOf("nonce=") + 6, request.indexOf(" HTTP/1.1"));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                out.write(response(200, "OK", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)))));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        ProbeResult result = probe.challenge(verdict("https://portal.test:" + server.port()),
                PortalKeys.challengeKey(secret));

        assertThat(result.failure()).isEqualTo(ReachabilityFailure.CHALLENGE_MISMATCH);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressNotToANewDnsAnswer() throws Exception {
        server = new TlsTestServer(certificates.valid(), answering("checked address"));
        AddressVerdict verdict = verdict("https://portal.test:" + server.port());
        // DNS rebinding: the name now points somewhere the policy would never have allowed.
        resolver.answer(PORTAL_HOST, "169.254.169.254");

        ProbeResult result = probe.fetch(verdict, "/");

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.connectedTo()).isEqualTo(ipv4("127.0.0.1"));
        assertThat(resolver.calls).as("only the policy check resolved the name").hasValue(1);
    }

    @Test
    void theValidatedAddressesAreTriedInOrder() throws Exception {
        server = new TlsTestServer(certificates.valid(), answering("second address"));
        // Nothing listens on 127.0.0.2: the first address refuses, the second answers.
        resolver.answer(PORTAL_HOST, "127.0.0.2", "127.0.0.1");

        ProbeResult result = probe.fetch(verdict("https://portal.test:" + server.port()), "/");

        assertThat(result.body()).isEqualTo("second address");
        assertThat(result.connectedTo()).isEqualTo(ipv4("127.0.0.1"));
    }

    @Test
    void onlyAnAddressThatPassedThePolicyMayBeProbed() {
        AddressVerdict refused = new AddressPolicy(resolver, Set.of(), Set.of()).check("https://portal.test");

        assertThat(refused.isOk()).isFalse();
        assertThatThrownBy(() -> probe.fetch(refused, "/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathThatCouldSmuggleHeadersIsRefused() throws Exception {
        AddressVerdict verdict = verdict("https://portal.test:8443");

        assertThatThrownBy(() -> probe.fetch(verdict, "/ HTTP/1.1\r\nHost: evil"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> probe.fetch(verdict, "relative")).isInstanceOf(IllegalArgumentException.class);
    }

    private AddressVerdict verdict(String address) {
        AddressVerdict verdict = policy.check(address);
        assertThat(verdict.isOk()).as("%s", verdict).isTrue();
        return verdict;
    }

    private static TlsTestServer.Responder framed(String framing, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, out) -> {
            switch (framing) {
                case "content-length" -> out.write(response(200, "OK", body));
                case "chunked" -> {
                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int offset = 0; offset < bytes.length; offset += 1000) {
                        int size = Math.min(1000, bytes.length - offset);
                        out.write((Integer.toHexString(size) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(bytes, offset, size);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\nX-Trailer: yes\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                case "close-delimited" -> {
                    out.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                }
                default -> throw new IllegalArgumentException(framing);
            }
        };
    }

    /** A portal's challenge endpoint: the proof for the nonce in the query, with the given secret's challenge key. */
    private static TlsTestServer.Responder challengeAnswerer(String secret) {
        return (request, out) -> {
            String target = request.substring(4, request.indexOf(" HTTP/1.1"));
            String nonce = target.substring(target.indexOf("nonce=") + "nonce=".length());
            out.write(response(200, "OK", PortalKeys.challengeAnswer(PortalKeys.challengeKey(secret), nonce) + "\n"));
        };
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "portal-probe-test-fixture");
        thread.setDaemon(true);
        return thread;
    }
}
