package org.supporthub.core.application.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Bean Validation stand-in (no provider is on the test classpath): reports the violations it was
 * given, property by property, for whatever bean it is asked to validate.
 */
class StubValidator implements Validator {

    private final Map<String, List<String>> violations;
    int calls;

    /** @param violations property name to messages; empty for a valid bean */
    StubValidator(Map<String, List<String>> violations) {
        this.violations = violations;
    }

    static StubValidator valid() {
        return new StubValidator(Map.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
        calls++;
        Set<ConstraintViolation<T>> result = new LinkedHashSet<>();
        violations.forEach((property, messages) -> messages.forEach(
                message -> result.add(new Violation<>(object, property, message))));
        return result;
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
                                                         Class<?>... groups) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExecutableValidator forExecutables() {
        throw new UnsupportedOperationException();
    }

    private record Violation<T>(T bean, String property, String message) implements ConstraintViolation<T> {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String getMessageTemplate() {
            return message;
        }

        @Override
        public T getRootBean() {
            return bean;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<T> getRootBeanClass() {
            return (Class<T>) bean.getClass();
        }

        @Override
        public Object getLeafBean() {
            return bean;
        }

        @Override
        public Object[] getExecutableParameters() {
            return null;
        }

        @Override
        public Object getExecutableReturnValue() {
            return null;
        }

        @Override
        public Path getPropertyPath() {
            return new Path() {
                @Override
                public Iterator<Node> iterator() {
                    return Collections.emptyIterator();
                }

                @Override
                public String toString() {
                    return property;
                }
            };
        }

        @Override
        public Object getInvalidValue() {
            return null;
        }

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return null;
        }

        @Override
        public <U> U unwrap(Class<U> type) {
            throw new UnsupportedOperationException();
        }
    }
}
