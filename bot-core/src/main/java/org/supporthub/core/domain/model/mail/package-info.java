/**
 * Mail the hub owes someone (an answer that reached an administrator who went away, a transcript), kept in
 * the database until it is sent: the outbox.
 */
package org.supporthub.core.domain.model.mail;
