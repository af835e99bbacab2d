package org.securebase.platform.web.problem;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.securebase.platform.web.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error raised in Spring MVC with RFC 9457 problem+json, whatever a service's
 * {@code spring.mvc.problemdetails.enabled} says (Boot's own handler backs off because this bean is
 * a {@link ResponseEntityExceptionHandler}).
 *
 * <p>Details are written here rather than taken from exception messages: Spring's and Jackson's
 * messages name classes and echo headers, paths and values. Unexpected exceptions become a generic
 * 500 and are logged with the request id; request bodies are never logged.
 *
 * <p>Ordered last so a service's own {@code @RestControllerAdvice} (for its own exception types)
 * is consulted first; give it a higher precedence explicitly, e.g. {@code @Order(0)}.
 *
 * <p>A module that knows more exception types (platform-security: access decisions taken inside MVC) extends this
 * class and replaces the bean, rather than adding an advice of its own: one advice keeps Spring's choice of handler
 * by the exception alone, whereas a second one ordered first would also claim exceptions merely caused by its types.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemJsonExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

    static final String MALFORMED_BODY_DETAIL =
            "The request body is missing, is not valid JSON, or does not have the expected structure.";
    static final String INVALID_FIELDS_DETAIL = "The request has invalid fields. See 'errors' for details.";
    static final String INVALID_FIELD_VALUE_MESSAGE = "has an invalid value";
    static final String CONCURRENT_CHANGE_DETAIL =
            "Someone else changed this item at the same time. Reload it and apply your change again.";
    static final String DATABASE_UNAVAILABLE_DETAIL =
            "The service cannot reach its database right now. Nothing was changed; try again in a moment.";

    /**
     * Exceptions of libraries a service may or may not use, matched by class name so this module
     * needs neither spring-tx nor jakarta.validation (nor Tomcat). Without this they would be 500s, yet they are
     * caused by the request (a stale version, a value a service method rejects) or are a passing outage of the
     * service's database (503 with Retry-After, which clients and the portal treat as "try again").
     */
    private static final List<ExpectedFailure> EXPECTED_LIBRARY_FAILURES = List.of(
            new ExpectedFailure("org.springframework.dao.OptimisticLockingFailureException",
                    ProblemType.CONFLICT, CONCURRENT_CHANGE_DETAIL),
            new ExpectedFailure("jakarta.validation.ConstraintViolationException",
                    ProblemType.VALIDATION_FAILED, "The request has invalid values."),
            // Tomcat parses parameters lazily and throws this when a query string is not valid UTF-8 (%ED%A0%80).
            new ExpectedFailure("org.apache.tomcat.util.http.InvalidParameterException",
                    ProblemType.BAD_REQUEST, "The request's parameters are not valid UTF-8."),
            // A multipart body the container cannot parse (no boundary, never closed, too many parts). Its subclass for
            // a too large upload is answered 413 by the base class, which handles it by its own type.
            new ExpectedFailure("org.springframework.web.multipart.MultipartException",
                    ProblemType.BAD_REQUEST, "The multipart request body could not be read."),
            // The service's database away (a failover, a restart): nothing was done, and a retry will likely work.
            new ExpectedFailure("org.springframework.dao.DataAccessResourceFailureException",
                    ProblemType.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL),
            new ExpectedFailure("org.springframework.dao.TransientDataAccessResourceException",
                    ProblemType.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL),
            new ExpectedFailure("org.springframework.transaction.CannotCreateTransactionException",
                    ProblemType.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL));

    /** Seconds a client should wait before retrying after the database was away. */
    static final String DATABASE_RETRY_AFTER = "5";

    private static final Set<Class<?>> WHOLE_NUMBER_TYPES = Set.of(Integer.class, Long.class, Short.class, Byte.class,
            java.math.BigInteger.class);

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblemException(ProblemException ex, HttpServletRequest request) {
        ProblemDetail problem = ex instanceof BadRequestException badRequest && !badRequest.violations().isEmpty()
                ? Problems.validationFailed(ex.detail(), badRequest.violations(), request)
                : Problems.of(ex.type(), ex.detail(), request);
        HttpHeaders headers = new HttpHeaders();
        ex.headers().forEach(headers::set);
        return problemResponse(problem, headers);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        for (ExpectedFailure expected : EXPECTED_LIBRARY_FAILURES) {
            if (expected.matches(ex)) {
                if (expected.type() == ProblemType.SERVICE_UNAVAILABLE) {
                    log.warn("Answered 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
                            ex.getClass().getSimpleName());
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
                    return problemResponse(Problems.of(expected.type(), expected.detail(), request), headers);
                }
                log.debug("Answered {} for {}", expected.type().status(), ex.getClass().getName());
                return problemResponse(Problems.of(expected.type(), expected.detail(), request), HttpHeaders.EMPTY);
            }
        }
        logUnexpected(ex, request);
        return problemResponse(Problems.internalError(request), HttpHeaders.EMPTY);
    }

    /** Every Spring MVC exception handled by the base class ends up here. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest webRequest) {
        ServletWebRequest servletWebRequest = (ServletWebRequest) webRequest;
        HttpServletResponse response = servletWebRequest.getResponse();
        if (response != null && response.isCommitted()) {
            log.warn("Response already committed; cannot answer {} with a problem", ex.getClass().getName());
            return null;
        }
        HttpServletRequest request = servletWebRequest.getRequest();
        if (status.is5xxServerError()) {
            if (status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                logUnexpected(ex, request);
            }
            return problemResponse(Problems.of(status, Problems.genericDetail(status), request), headers);
        }
        return problemResponse(describe(ex, status, request), headers);
    }

    private ProblemDetail describe(Exception ex, HttpStatusCode status, HttpServletRequest request) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return Problems.validationFailed(INVALID_FIELDS_DETAIL, violationsOf(invalid.getBindingResult()), request);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return Problems.validationFailed(INVALID_FIELDS_DETAIL, violationsOf(invalid), request);
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return Problems.of(ProblemType.MALFORMED_BODY, MALFORMED_BODY_DETAIL, request);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint does not accept that content type." + listOf(" Send one of: ", unsupported.getSupportedMediaTypes()),
                    request);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return Problems.of(ProblemType.NOT_ACCEPTABLE,
                    "This endpoint cannot answer in the requested format." + listOf(" It produces: ", notAcceptable.getSupportedMediaTypes()),
                    request);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException notSupported) {
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                    "This endpoint does not support that HTTP method." + listOf(" Allowed: ", notSupported.getSupportedHttpMethods()),
                    request);
        }
        // Parameter and header names below come from the service's code, not from the request.
        if (ex instanceof MissingServletRequestParameterException missing) {
            return Problems.of(ProblemType.BAD_REQUEST,
                    "The required parameter '" + missing.getParameterName() + "' is missing.", request);
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return Problems.of(ProblemType.BAD_REQUEST,
                    "The required header '" + missing.getHeaderName() + "' is missing.", request);
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            return Problems.of(ProblemType.BAD_REQUEST,
                    "The required part '" + missing.getRequestPartName() + "' is missing.", request);
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return Problems.of(ProblemType.BAD_REQUEST, describeMismatch(mismatch), request);
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return Problems.of(ProblemType.NOT_FOUND, Problems.NOT_FOUND_DETAIL, request);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request is too large.", request);
        }
        // A plain ResponseStatusException is thrown by service code, whose reason is meant for the caller.
        if (ex.getClass() == ResponseStatusException.class && ((ResponseStatusException) ex).getReason() != null) {
            return Problems.of(status, ((ResponseStatusException) ex).getReason(), request);
        }
        return Problems.of(status, Problems.genericDetail(status), request);
    }

    private static List<FieldViolation> violationsOf(Errors errors) {
        List<FieldViolation> violations = new ArrayList<>();
        errors.getFieldErrors().forEach(error -> violations.add(violationOf(error)));
        errors.getGlobalErrors().forEach(error -> violations.add(new FieldViolation(null, messageOf(error))));
        return violations;
    }

    private static List<FieldViolation> violationsOf(HandlerMethodValidationException ex) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                violations.addAll(violationsOf(errors));
            } else {
                String parameter = apiNameOf(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> violations.add(new FieldViolation(parameter, messageOf(error))));
            }
        }
        ex.getCrossParameterValidationResults().forEach(error -> violations.add(new FieldViolation(null, messageOf(error))));
        return violations;
    }

    // A binding failure's default message is a conversion error naming Java types; say it plainly.
    private static FieldViolation violationOf(FieldError error) {
        return new FieldViolation(error.getField(), error.isBindingFailure() ? INVALID_FIELD_VALUE_MESSAGE : messageOf(error));
    }

    private static String messageOf(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message == null || message.isBlank() ? "is invalid" : message;
    }

    private static String apiNameOf(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
        if (requestHeader != null && !requestHeader.name().isEmpty()) {
            return requestHeader.name();
        }
        return parameter.getParameterName();
    }

    private static String describeMismatch(TypeMismatchException mismatch) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argumentMismatch
                ? argumentMismatch.getName()
                : mismatch.getPropertyName();
        String subject = name == null ? "A parameter" : "The parameter '" + name + "'";
        return subject + " must be " + expectedValueOf(mismatch.getRequiredType()) + ".";
    }

    private static String expectedValueOf(Class<?> requiredType) {
        if (requiredType == null) {
            return "a valid value";
        }
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(requiredType);
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (WHOLE_NUMBER_TYPES.contains(type)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-01-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date and time such as 2025-01-31T09:30:00Z";
        }
        return "a valid value";
    }

    private static String listOf(String lead, Collection<?> supported) {
        if (supported == null || supported.isEmpty()) {
            return "";
        }
        return lead + supported.stream().map(Object::toString).collect(Collectors.joining(", ")) + ".";
    }

    /** The answer for a problem, for subclasses that handle exceptions of their own. */
    protected static ResponseEntity<Object> problemResponse(ProblemDetail problem, HttpHeaders headers) {
        // Set explicitly so the body is problem+json even when the client only accepts, say, text/html.
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void logUnexpected(Exception ex, HttpServletRequest request) {
        // Method and path only: bodies and query strings may hold clinical text or search terms.
        log.error("Unexpected failure answering {} {} [requestId={}]", request.getMethod(), request.getRequestURI(),
                RequestIdFilter.currentRequestId(request).orElse("none"), ex);
    }

    private record ExpectedFailure(String exceptionClassName, ProblemType type, String detail) {

        boolean matches(Throwable failure) {
            for (Class<?> candidate = failure.getClass(); candidate != null; candidate = candidate.getSuperclass()) {
                if (candidate.getName().equals(exceptionClassName)) {
                    return true;
                }
            }
            return false;
        }
    }
}
