/**
 * Files in the conversation: what was attached to which message, what kind of file it is (decided from its
 * content, never from its name), the limits on how much may be attached, and where the bytes live.
 */
package org.supporthub.core.domain.model.attachment;
