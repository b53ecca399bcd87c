/** The activation checks' contract: areas to prove, a check, and its result with a stable code. */
package org.supporthub.activation.domain.model;
