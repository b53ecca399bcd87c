/**
 * Files in the conversation over HTTP: uploads from the widget (widget token) and the console (staff token),
 * signed download links for participants, and the downloads themselves.
 */
package org.supporthub.web.interfaces.rest.attachments;
