/**
 * The hub's use cases around portals and their chat: registration, the support channel, user tokens,
 * and the conversation with the plain support bot.
 */
package org.supporthub.core.application;
