package org.supporthub.web.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.InvalidStaffAccountException;
import org.supporthub.core.application.StaffAccountConflictException;
import org.supporthub.core.application.UnknownStaffAccountException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/** Problem documents for Bean Validation ({@code @Valid}) and for the staff account API. */
public final class StaffProblemMappers {

    private StaffProblemMappers() {
    }

    static Response invalid(List<Problem.FieldError> errors) {
        return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                "The request is not valid", 400, errors.size() + " field(s) are not valid", errors));
    }

    /**
     * A {@code @Valid} request refused: each bad field by its name in the JSON body (or query parameter),
     * without the Java method and parameter names the validator puts in front of it.
     */
    @Provider
    public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                errors.add(new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return invalid(errors);
        }

        static String field(Path path) {
            StringJoiner name = new StringJoiner(".");
            String parameter = null;
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                    continue;
                }
                if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    continue;
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    name.add(node.getName());
                }
            }
            // A constraint on the parameter itself: a query parameter out of range, or a missing body (the
            // resources name their body parameter "request").
            return name.length() > 0 ? name.toString()
                    : parameter == null || parameter.equals("request") ? "body" : parameter;
        }
    }

    @Provider
    public static class InvalidStaffAccount implements ExceptionMapper<InvalidStaffAccountException> {
        @Override
        public Response toResponse(InvalidStaffAccountException e) {
            return invalid(e.fieldErrors().entrySet().stream()
                    .map(entry -> new Problem.FieldError(entry.getKey(), entry.getValue())).toList());
        }
    }

    @Provider
    public static class StaffConflict implements ExceptionMapper<StaffAccountConflictException> {
        @Override
        public Response toResponse(StaffAccountConflictException e) {
            return Problem.response(Response.Status.CONFLICT, e.code().name().toLowerCase().replace('_', '-'),
                    e.code().name(), e.getMessage());
        }
    }

    @Provider
    public static class UnknownStaff implements ExceptionMapper<UnknownStaffAccountException> {
        @Override
        public Response toResponse(UnknownStaffAccountException e) {
            return Problem.response(Response.Status.NOT_FOUND, "not-found", "No such staff account", e.getMessage());
        }
    }
}
