package org.supporthub.web.infrastructure.attachment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.AttachmentSettings;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.attachment.AttachmentStore;
import org.supporthub.web.infrastructure.persistence.HubDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the attachment store from the settings ({@code SUPPORT_HUB_ATTACHMENTS_STORE}: {@code database},
 * the default, or {@code directory} with {@code SUPPORT_HUB_ATTACHMENTS_DIRECTORY}, by default
 * {@code attachments} under the data folder). An unknown value stops the start-up rather than guessing.
 *
 * <p>The store is handed out wrapped so that each call runs outside the caller's transaction: a write must be
 * durable when it returns, whatever transaction the caller may be in.
 */
@ApplicationScoped
public class AttachmentStores {

    private static final Logger LOG = Logger.getLogger(AttachmentStores.class.getName());

    @Resource(lookup = HubDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AttachmentSettings settings;

    @Inject
    HubSettings hub;

    @Inject
    Clock clock;

    @Inject
    OutsideTransactions outside;

    @Produces
    @ApplicationScoped
    AttachmentStore store() {
        AttachmentStore chosen = switch (settings.store()) {
            case "database" -> new DatabaseAttachmentStore(dataSource, clock);
            case "directory" -> new DirectoryAttachmentStore(settings.directory().isEmpty()
                    ? hub.dataDir().resolve("attachments") : Path.of(settings.directory()));
            default -> throw new IllegalStateException("SUPPORT_HUB_ATTACHMENTS_STORE must be 'database' or "
                    + "'directory', not '" + settings.store() + "'");
        };
        LOG.info("Attachments are stored in the " + chosen.kind());
        return new AttachmentStore() {
            @Override
            public void put(String sha256, byte[] content) {
                outside.run(() -> chosen.put(sha256, content));
            }

            @Override
            public Optional<byte[]> read(String sha256) {
                return outside.call(() -> chosen.read(sha256));
            }

            @Override
            public void delete(String sha256) {
                outside.run(() -> chosen.delete(sha256));
            }

            @Override
            public String kind() {
                return chosen.kind();
            }
        };
    }

    /** Runs store calls with the caller's transaction (if any) suspended. */
    @ApplicationScoped
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public static class OutsideTransactions {

        public void run(Runnable r) {
            r.run();
        }

        public <T> T call(java.util.function.Supplier<T> s) {
            return s.get();
        }
    }
}
