package org.supporthub.web.interfaces.rest.reports;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Checks {@link ValidPeriod}: each problem is reported at the query parameter that has it. */
public class PeriodValidator implements ConstraintValidator<ValidPeriod, ReportQuery> {

    @Override
    public boolean isValid(ReportQuery q, ConstraintValidatorContext context) {
        if (q == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        LocalDate from = date(q.from, "from", context);
        LocalDate to = date(q.to, "to", context);
        if (from == null || to == null) {
            return false;
        }
        if (to.isBefore(from)) {
            return fail(context, "to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > ReportQuery.MAX_DAYS) {
            return fail(context, "to", "the period is at most " + ReportQuery.MAX_DAYS + " days long");
        }
        return true;
    }

    private static LocalDate date(String value, String field, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            fail(context, field, "is required (an ISO date such as 2026-03-01)");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(context, field, "must be an ISO date such as 2026-03-01");
            return null;
        }
    }

    private static boolean fail(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
