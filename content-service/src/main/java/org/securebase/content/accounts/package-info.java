/**
 * Which accounts are deactivated: a local projection of account-service's status events (topic
 * {@code securebase.accounts.v1}), table {@code account_status}. platform-security asks it on every request, so a
 * deactivated person's access token is refused (401) as soon as the event arrives instead of when it expires.
 * Only the status events are read; the rest of the topic (caseloads, role changes) is none of this service's
 * business. Idempotent and order-tolerant by the account's event sequence.
 */
package org.securebase.content.accounts;
