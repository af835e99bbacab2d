/**
 * "Who has seen my data": the reads of a client's data by other people, and the admin's whole access audit, from
 * journal-service's access audit through {@link org.securebase.portal.audit.AuditApi}, and for the admin the security
 * events (sign-ins, second factors, roles) from account-service through {@link org.securebase.portal.audit.SecurityEventsApi}.
 */
package org.securebase.portal.audit;
