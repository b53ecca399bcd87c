/**
 * The input and output of the reachability check: the socket, TLS and HTTP/1.1 exchange with a portal's
 * public site ({@link org.supporthub.activation.infrastructure.reachability.PortalProbe}), the trust decision
 * on its certificate chain, and the deadline that bounds every wait. The domain model
 * ({@code domain.model.reachability}) holds what these find: results, failure codes, the challenge proof.
 */
package org.supporthub.activation.infrastructure.reachability;
