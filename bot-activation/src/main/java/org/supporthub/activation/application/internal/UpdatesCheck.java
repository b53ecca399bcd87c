package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.activation.domain.model.ProductVersion;

import java.time.Duration;
import java.util.List;

/**
 * {@code UPDATES_REQUIRED}: "all stable updates must be installed before contacting support". The
 * portal's reported version must not be older than the latest stable version the vendor configured.
 */
@ApplicationScoped
public class UpdatesCheck implements ActivationCheck {

    public static final String CODE = "UPDATES_REQUIRED";

    @Inject
    @ConfigProperty(name = "support.hub.activation.latest-stable-version", defaultValue = "24.0.0")
    String latestStable;

    public UpdatesCheck() {
    }

    UpdatesCheck(String latestStable) {
        this.latestStable = latestStable;
    }

    @Override
    public CheckArea area() {
        return CheckArea.UPDATES;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        long start = System.nanoTime();
        ProductVersion latest = ProductVersion.parse(latestStable);
        String installed = subject.portal().productVersion();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (ProductVersion.parse(installed).isOlderThan(latest)) {
            return CheckResult.fail(area(), CODE, null, took, List.of(installed, latest.toString()));
        }
        return CheckResult.pass(area(), took);
    }
}
