package org.supporthub.core.domain.model.attachment;

/**
 * An attachment as a message frame and a transcript show it.
 *
 * @param type      the media type detected from the content
 * @param thumbnail whether the hub serves a thumbnail of it (images it can read)
 */
public record AttachedFile(String id, String name, long size, String type, boolean thumbnail) {
}
