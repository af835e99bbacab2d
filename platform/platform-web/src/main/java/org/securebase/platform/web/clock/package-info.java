/**
 * The services' one {@link java.time.Clock}: system UTC, or, for the system tests only, an {@link
 * org.securebase.platform.web.clock.AdjustableClock} moved forward through the {@code clock} actuator endpoint.
 */
package org.securebase.platform.web.clock;
