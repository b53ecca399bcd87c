/** JPA (EclipseLink) implementations of the domain's repositories; Flyway owns the schema. */
package org.supporthub.core.infrastructure.persistence;
