/** Key handling for secrets the hub keeps at rest. */
package org.supporthub.core.infrastructure.security;
