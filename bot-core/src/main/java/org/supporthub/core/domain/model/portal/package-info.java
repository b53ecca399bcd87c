/**
 * Portals: the customers' self-hosted installations that register with the hub, prove who they are with
 * the secret issued at registration, and switch their support channel on and off.
 */
package org.supporthub.core.domain.model.portal;
