package org.securebase.portal.forms;

import jakarta.validation.ConstraintViolation;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One problem per field of a form record, in the order of the record's components (the order of the form, so an
 * error summary reads top to bottom). Constraint messages are message keys ({@code message = "journal.error.body.long"});
 * a {@code @Size} limit becomes the message's argument, so the number a person reads is the one that was checked.
 *
 * <p>When a field has several problems the one to fix first is shown: a value that could not be read, then one that
 * is missing, then one that is too long, then any other.
 */
public final class FormErrors {

    /** Shown for a value the browser sent that could not be read as the field's type (a forged or garbled request). */
    static final String UNREADABLE = "form.error.unreadable";

    private FormErrors() {
    }

    /** The field problems Spring's binding and validation found in a form bound with {@code @Valid @ModelAttribute}. */
    public static Map<String, FieldProblem> of(BindingResult result, Class<? extends Record> form) {
        List<Found> found = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            if (error.isBindingFailure()) {
                found.add(new Found(error.getField(), new FieldProblem(UNREADABLE, 0), 0));
            } else if (error.contains(ConstraintViolation.class)) {
                found.add(fromViolation(error.getField(), error.unwrap(ConstraintViolation.class)));
            } else {
                // reject(...) by the form or the controller: a check Bean Validation cannot make (a date in the past).
                Object[] arguments = error.getArguments();
                int limit = arguments != null && arguments.length > 0 && arguments[0] instanceof Integer named ? named : 0;
                found.add(new Found(error.getField(), new FieldProblem(error.getCode(), limit), 3));
            }
        }
        return ordered(found, form);
    }

    /** The same for a form validated by hand (one answer of many sent in one request). */
    public static <T extends Record> Map<String, FieldProblem> of(Set<ConstraintViolation<T>> violations, Class<T> form) {
        return ordered(violations.stream().map(v -> fromViolation(v.getPropertyPath().toString(), v)).toList(), form);
    }

    /**
     * Adds a problem Bean Validation cannot find (one that needs the clock or another field) to a form's result, as
     * one more field error for {@link #of(BindingResult, Class)}. The typed value is kept with it.
     */
    public static void reject(BindingResult result, String field, Object typed, String key) {
        reject(result, field, typed, key, 0);
    }

    /** {@link #reject(BindingResult, String, Object, String)} with a message that names {@code limit}. */
    public static void reject(BindingResult result, String field, Object typed, String key, int limit) {
        result.addError(new FieldError(result.getObjectName(), field, typed, false, new String[] {key},
                limit > 0 ? new Object[] {limit} : null, null));
    }

    private static Found fromViolation(String field, ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        int limit = "Size".equals(constraint) && max instanceof Integer size ? size : 0;
        return new Found(field, new FieldProblem(violation.getMessageTemplate(), limit), rank(constraint));
    }

    private static int rank(String constraint) {
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> 1;
            case "Size" -> 2;
            default -> 3;
        };
    }

    private static Map<String, FieldProblem> ordered(Collection<Found> found, Class<? extends Record> form) {
        List<String> order = Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        found.stream()
                .sorted(Comparator.comparingInt((Found f) -> order.contains(f.field()) ? order.indexOf(f.field()) : order.size())
                        .thenComparing(Found::field)
                        .thenComparingInt(Found::rank)
                        .thenComparing(f -> f.problem().key()))
                .forEach(f -> problems.putIfAbsent(f.field(), f.problem()));
        return problems;
    }

    private record Found(String field, FieldProblem problem, int rank) {
    }
}
