/**
 * The authorization matrix (docs/architecture.md's "Authorization" as a test): every endpoint of the three APIs' OpenAPI documents,
 * called by every kind of caller, through the gateway and directly, and judged against a table of rules.
 */
package org.securebase.systemtests.authorization;
