/**
 * The routing application layer: the entry points through which the rest of Support Hub hands a portal
 * administrator's support question to an open channel and learns what became of it. It holds the
 * {@link org.supporthub.routing.application.SupportSessionService session service}, its queries and the
 * operators' presence. Implementations coordinate storage, the clock and the
 * domain rules of {@code org.supporthub.routing.domain.model}; they hold no routing rules of their own.
 */
package org.supporthub.routing.application;
