/** "Who has seen my data": the reads of a client's data by other people, from journal-service's access audit. */
package org.securebase.portal.audit;
