package org.supporthub.web.interfaces.rest.reports;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A report's period: {@code from} and {@code to} both given as ISO dates ({@code 2026-03-01}), {@code to}
 * not before {@code from}, at most {@link ReportQuery#MAX_DAYS} days together. Each failure names its field.
 */
@Documented
@Constraint(validatedBy = PeriodValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPeriod {

    String message() default "is not a valid period";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
