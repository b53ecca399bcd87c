/** JPA persistence of the open-channel registry. */
package org.supporthub.routing.infrastructure.persistence;
