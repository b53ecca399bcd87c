package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.BotActivation;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every installed activation check and judges the result: any failure fails the activation; a
 * connection is claimed only when every {@link CheckArea} was checked and passed. Until a hub has a
 * check for each area, a clean run is reported as unavailable rather than as connected.
 */
@ApplicationScoped
public class DefaultActivationService implements BotActivation {

    private List<ActivationCheck> checks;

    @Inject
    void setChecks(@Any Instance<ActivationCheck> installed) {
        this.checks = installed.stream().sorted(Comparator.comparing(ActivationCheck::area)).toList();
    }

    public DefaultActivationService() {
    }

    DefaultActivationService(List<ActivationCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public ActivationOutcome activate(Portal portal, PortalUser requestedBy) {
        ActivationSubject subject = new ActivationSubject(portal, requestedBy);
        List<CheckResult> results = checks.stream().map(check -> check.run(subject)).toList();
        return judge(results);
    }

    static ActivationOutcome judge(List<CheckResult> results) {
        List<ActivationFailure> failures = results.stream().filter(r -> !r.passed())
                .map(r -> new ActivationFailure(r.code(), r.detail())).toList();
        if (!failures.isEmpty()) {
            return new ActivationOutcome(ActivationOutcome.Status.FAILED, failures);
        }
        Set<CheckArea> proved = results.stream().map(CheckResult::area)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckArea.class)));
        return new ActivationOutcome(proved.containsAll(EnumSet.allOf(CheckArea.class))
                ? ActivationOutcome.Status.CONNECTED : ActivationOutcome.Status.UNAVAILABLE, List.of());
    }
}
