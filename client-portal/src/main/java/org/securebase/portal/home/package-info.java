/** The landing page each person sees after login. */
package org.securebase.portal.home;
