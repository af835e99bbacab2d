/**
 * The servlet web plumbing every Secure Base service shares, whatever it does and however it authenticates.
 *
 * <p>Adding this module to a service auto-configures:
 * <ul>
 *   <li>RFC 9457 problem+json for every error, from Spring MVC, the error page and Tomcat's own refusals
 *       ({@link org.securebase.platform.web.ProblemJsonAutoConfiguration}; the types a service throws are in the
 *       {@code problem} package);</li>
 *   <li>a request id on every request, in the response, the logs and every problem (the {@code requestid}
 *       package);</li>
 *   <li>a request body limit, {@code securebase.web.max-body-size}, answered with 413
 *       ({@link org.securebase.platform.web.RequestBodyLimitAutoConfiguration}, the {@code bodylimit} package);</li>
 *   <li>the settings all resource servers share, as the lowest-precedence property source
 *       ({@link org.securebase.platform.web.ServiceDefaultsEnvironmentPostProcessor}).</li>
 * </ul>
 */
package org.securebase.platform.web;
