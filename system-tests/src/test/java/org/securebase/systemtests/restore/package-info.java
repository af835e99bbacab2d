/**
 * Losing the database server and getting everything back: the restore drill on the running stack.
 */
package org.securebase.systemtests.restore;
