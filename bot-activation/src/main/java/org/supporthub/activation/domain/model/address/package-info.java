/**
 * The portal's public site address, and whether the hub may connect to it.
 *
 * <p>An administrator types an address; the hub will later make HTTPS requests to it. That makes the
 * address an SSRF vector: whatever it names, the hub reaches from inside its own network. So the address
 * is parsed exactly once, strictly and by hand ({@link org.supporthub.activation.domain.model.address.PublicUrl}),
 * every address its host stands for is classified against an explicit table of non-public ranges
 * ({@link org.supporthub.activation.domain.model.address.SpecialPurposeRanges}), and the addresses that
 * passed travel on with the verdict ({@link org.supporthub.activation.domain.model.address.AddressVerdict})
 * so the connection goes to one of them and not to whatever DNS says a moment later.
 *
 * <p>Two stable error codes come out of here: {@code INVALID_PUBLIC_ADDRESS} and
 * {@code PUBLIC_ADDRESS_IS_LOCAL}, each with a finer detail code.
 */
package org.supporthub.activation.domain.model.address;
