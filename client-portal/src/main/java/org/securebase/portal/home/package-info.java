/** The landing page each person sees after login, assembled from the typed clients of the other packages. */
package org.securebase.portal.home;
