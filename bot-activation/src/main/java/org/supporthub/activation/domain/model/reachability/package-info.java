/**
 * Whether the hub can reach a portal's public site over HTTPS, strictly, and whether that site really is
 * the portal's.
 *
 * <p>The address arrives already checked ({@link org.supporthub.activation.domain.model.address.AddressVerdict}).
 * {@link org.supporthub.activation.domain.model.reachability.PortalProbe} connects to one of the addresses
 * that passed the check, never to a fresh DNS answer, speaks TLS 1.2/1.3 with the original host name for
 * SNI and certificate checks, and sends one HTTP/1.1 GET. Every way this can go wrong ends as one stable
 * {@link org.supporthub.activation.domain.model.reachability.ReachabilityFailure} code; nothing is thrown
 * for network trouble. {@link org.supporthub.activation.domain.model.reachability.ChallengeProof} is the
 * nonce/HMAC exchange by which the portal shows it holds its secret (through the challenge key derived from
 * it), i.e. that the address is its own.
 */
package org.supporthub.activation.domain.model.reachability;
