/**
 * One id per request, taken from a trusted-looking {@code X-Request-Id} or generated, so a
 * person's error report ("requestId" in every problem body) can be matched to the server logs.
 */
package org.securebase.platform.web.requestid;
