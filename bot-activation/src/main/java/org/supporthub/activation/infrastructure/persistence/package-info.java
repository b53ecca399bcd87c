/** JPA persistence of activation reports. */
package org.supporthub.activation.infrastructure.persistence;
