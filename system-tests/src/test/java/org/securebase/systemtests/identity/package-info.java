/** Who may become whom: recovery of a lost password keeps the staff second factor, and clients can still recover alone. */
package org.securebase.systemtests.identity;
