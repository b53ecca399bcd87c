package org.supporthub.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.domain.model.attachment.AttachmentLimits;

/**
 * The attachment limits and store as configured (MicroProfile Config: environment variables such as
 * {@code SUPPORT_HUB_ATTACHMENTS_MAX_FILE_BYTES}); the defaults are {@link AttachmentLimits#DEFAULTS} and the
 * database store.
 */
@ApplicationScoped
public class AttachmentSettings {

    @Inject
    @ConfigProperty(name = "support.hub.attachments.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "support.hub.attachments.max-files-per-message", defaultValue = "5")
    int maxFilesPerMessage;

    @Inject
    @ConfigProperty(name = "support.hub.attachments.max-conversation-bytes", defaultValue = "52428800")
    long maxConversationBytes;

    @Inject
    @ConfigProperty(name = "support.hub.attachments.max-portal-bytes-per-day", defaultValue = "209715200")
    long maxPortalBytesPerDay;

    @Inject
    @ConfigProperty(name = "support.hub.attachments.store", defaultValue = "database")
    String store;

    @Inject
    @ConfigProperty(name = "support.hub.attachments.directory")
    java.util.Optional<String> directory;

    public AttachmentLimits limits() {
        return new AttachmentLimits(maxFileBytes, maxFilesPerMessage, maxConversationBytes, maxPortalBytesPerDay);
    }

    /** {@code database} (the default: nothing else to set up) or {@code directory}. */
    public String store() {
        return store.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The directory of the directory store; blank means {@code attachments} under the data folder. */
    public String directory() {
        return directory.map(String::trim).orElse("");
    }
}
