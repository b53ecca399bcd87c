package org.supporthub.core.domain.model.attachment;

/** An upload the hub does not take; nothing was stored. */
public class AttachmentRefusedException extends RuntimeException {

    private final AttachmentRefusal refusal;

    public AttachmentRefusedException(AttachmentRefusal refusal) {
        super(refusal.code().name());
        this.refusal = refusal;
    }

    public AttachmentRefusal refusal() {
        return refusal;
    }
}
