package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

/**
 * {@code CONTACTS_ONLY_NOT_DELIVERED}: the source document's "the message was not delivered because the
 * user accepts messages only from their contacts". Support's replies reach an administrator only when
 * they are part of the company structure, i.e. in the "Employees" group, as the portal-signed token says.
 */
@ApplicationScoped
public class MembershipCheck implements ActivationCheck {

    public static final String CODE = "CONTACTS_ONLY_NOT_DELIVERED";

    @Override
    public CheckArea area() {
        return CheckArea.MEMBERSHIP;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        return CheckResult.timed(area(), CODE, () -> subject.requestedBy().isEmployee());
    }
}
