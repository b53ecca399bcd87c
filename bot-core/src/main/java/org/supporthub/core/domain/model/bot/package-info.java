/**
 * The plain support bot that every portal gets, and the lifecycle that takes it from disabled, through
 * installed and activating, to connected with the vendor's support.
 */
package org.supporthub.core.domain.model.bot;
