package org.securebase.platform.web.problem;

import java.util.List;

/**
 * 400 for input that passed bean validation but breaks a business rule (a due date in the past,
 * an unknown client). With field violations the problem is a {@link ProblemType#VALIDATION_FAILED}
 * carrying an {@code errors} array, like a bean-validation failure.
 */
public class BadRequestException extends ProblemException {

    private final List<FieldViolation> violations;

    public BadRequestException(String detail) {
        this(detail, List.of());
    }

    public BadRequestException(String detail, List<FieldViolation> violations) {
        super(violations.isEmpty() ? ProblemType.BAD_REQUEST : ProblemType.VALIDATION_FAILED, detail);
        this.violations = List.copyOf(violations);
    }

    public static BadRequestException forField(String field, String message) {
        return new BadRequestException("The request has invalid fields.", List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
