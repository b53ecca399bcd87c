/** Mail leaving the hub over SMTP (Jakarta Mail, provided by the server), configured from MicroProfile Config. */
package org.supporthub.core.infrastructure.mail;
