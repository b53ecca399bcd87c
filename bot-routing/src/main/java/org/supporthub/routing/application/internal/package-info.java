/** Implementations of the routing use cases. */
package org.supporthub.routing.application.internal;
