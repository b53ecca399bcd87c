/** The activation checks and the service that runs and judges them. */
package org.supporthub.activation.application.internal;
