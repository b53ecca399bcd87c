package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

/** {@code SUPPORT_CHANNEL_DISABLED}: the portal has not ticked "Enable the support channel". */
@ApplicationScoped
public class SupportChannelCheck implements ActivationCheck {

    public static final String CODE = "SUPPORT_CHANNEL_DISABLED";

    @Override
    public CheckArea area() {
        return CheckArea.SUPPORT_CHANNEL;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        return CheckResult.timed(area(), CODE, () -> subject.portal().supportChannelEnabled());
    }
}
