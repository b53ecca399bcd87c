/** Jakarta Security for support staff: their identity store and the HTTP Basic mechanism of the staff API. */
package org.supporthub.web.infrastructure.security;
