/**
 * The admin's view of clients' data rights: the record of every closure, legal hold and copy of a record
 * ({@code /rights}), and one client's standing under the retention policy with their holds ({@code /rights/{id}}),
 * where an admin closes the account and places or lifts holds. Only ids, names, times and a hold's reference: an
 * admin sees that a copy was made, never what it holds.
 */
package org.securebase.portal.rights;
