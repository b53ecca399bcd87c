/** Name resolution for activation, bounded in time and in threads. */
package org.supporthub.activation.infrastructure.dns;
