/**
 * RFC 9457 {@code application/problem+json} answers shared by all Secure Base services.
 *
 * <p>Services throw the small exception types here ({@link org.securebase.platform.security.problem.NotFoundException},
 * {@link org.securebase.platform.security.problem.ConflictException},
 * {@link org.securebase.platform.security.problem.PreconditionFailedException},
 * {@link org.securebase.platform.security.problem.BadRequestException},
 * {@link org.securebase.platform.security.problem.PayloadTooLargeException}) and
 * {@link org.securebase.platform.security.problem.ProblemJsonExceptionHandler} turns them, every
 * Spring MVC error and anything unexpected into a problem body with {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and {@code requestId}.
 *
 * <p>The {@code detail} of a problem is written for the person using the API. It never carries
 * stack traces, SQL, class names or echoed input: messages given to the exception types above are
 * shown verbatim, so they must be written by the service, not copied from the request.
 */
package org.securebase.platform.security.problem;
