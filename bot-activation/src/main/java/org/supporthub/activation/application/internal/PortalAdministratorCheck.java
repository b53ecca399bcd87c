package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

/**
 * {@code NOT_PORTAL_ADMIN}: only portal administrators may activate and talk to support. The admin flag
 * comes from the portal-signed token, never from the browser.
 */
@ApplicationScoped
public class PortalAdministratorCheck implements ActivationCheck {

    public static final String CODE = "NOT_PORTAL_ADMIN";

    @Override
    public CheckArea area() {
        return CheckArea.ADMINISTRATOR;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        return CheckResult.timed(area(), CODE, () -> subject.requestedBy().admin());
    }
}
