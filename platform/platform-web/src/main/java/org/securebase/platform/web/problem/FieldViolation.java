package org.securebase.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid input, listed in the {@code errors} array of a 400 problem.
 *
 * @param field   the field or parameter name as the API exposes it; absent for object-level rules
 * @param message what is wrong, phrased for the person fixing the input (never the rejected value)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String message) {
}
