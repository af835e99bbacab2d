/** The therapist's caseload with each client's adherence to their homework. */
package org.securebase.portal.caseload;
