/**
 * Where attached files' bytes live (the database or a directory, behind the domain's {@code AttachmentStore}),
 * the signed short-lived links they are downloaded through, and thumbnails of images.
 */
package org.supporthub.web.infrastructure.attachment;
