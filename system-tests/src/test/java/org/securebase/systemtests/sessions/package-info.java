/** Session rules on the running platform: idle timeouts, logout, refresh-token reuse and deactivation. */
package org.securebase.systemtests.sessions;
