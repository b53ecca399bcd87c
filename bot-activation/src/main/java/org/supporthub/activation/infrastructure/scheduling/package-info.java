/**
 * Activation's timers: the periodic re-check of connected portals and the repair of runs a dead hub
 * instance abandoned. Activation owns them; the WAR only packages the jar.
 */
package org.supporthub.activation.infrastructure.scheduling;
