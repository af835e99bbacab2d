/**
 * Stored XSS end to end: hostile texts saved through the APIs in every place people write (journal, homework,
 * feedback, replies, articles), then read in the portal in Chromium by every role that can see them, with a hook
 * installed before any page script that records every execution and every CSP violation.
 */
package org.securebase.systemtests.xss;
