/**
 * The routing application layer: the entry points through which the rest of Support Hub hands a portal
 * administrator's support question to an open channel and learns what became of it. It holds one service
 * for each use case of a session's life: {@link org.supporthub.routing.application.SessionIntakeService
 * intake} (a question opens or continues a session), {@link
 * org.supporthub.routing.application.SessionAssignmentService assignment} (which operator holds it) and
 * {@link org.supporthub.routing.application.SessionConversationService conversation} (replies, labels,
 * close and vote); besides them, the sessions' queries and the operators' presence. Implementations
 * coordinate storage, the clock and the domain rules of {@code org.supporthub.routing.domain.model}; they
 * hold no routing rules of their own.
 */
package org.supporthub.routing.application;
