/**
 * The routing domain: how a portal administrator's support question, a <em>support session</em>, travels
 * through an <em>open channel</em> to the vendor's support staff, the <em>operators</em>. It holds the
 * channel's {@link org.supporthub.routing.domain.model.RoutingMode routing modes}, the session's
 * {@link org.supporthub.routing.domain.model.SupportSessionLifecycle lifecycle} (one transition table
 * over {@link org.supporthub.routing.domain.model.SupportSessionState states} and
 * {@link org.supporthub.routing.domain.model.SupportSessionEvent events}) and the pure
 * {@link org.supporthub.routing.domain.model.OperatorSelection rule} that picks whom to offer a session
 * to. Nothing here touches a database, a clock or a container: every class is plain Java, so the rules
 * can be tested as tables and reused unchanged by whatever stores sessions.
 */
package org.supporthub.routing.domain.model;
