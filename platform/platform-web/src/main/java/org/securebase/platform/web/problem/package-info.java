/**
 * RFC 9457 {@code application/problem+json} answers shared by all Secure Base services.
 *
 * <p>Services throw the small exception types here ({@link org.securebase.platform.web.problem.NotFoundException},
 * {@link org.securebase.platform.web.problem.ConflictException},
 * {@link org.securebase.platform.web.problem.PreconditionFailedException},
 * {@link org.securebase.platform.web.problem.BadRequestException},
 * {@link org.securebase.platform.web.problem.PayloadTooLargeException}) and
 * {@link org.securebase.platform.web.problem.ProblemJsonExceptionHandler} turns them, every
 * Spring MVC error and anything unexpected into a problem body with {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and {@code requestId}. The 401, 403 and 503 bodies
 * platform-security writes for tokens are built by {@link org.securebase.platform.web.problem.Problems} too,
 * so they have the same shape.
 *
 * <p>The {@code detail} of a problem is written for the person using the API. It never carries
 * stack traces, SQL, class names or echoed input: messages given to the exception types above are
 * shown verbatim, so they must be written by the service, not copied from the request.
 */
package org.securebase.platform.web.problem;
