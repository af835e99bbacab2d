/**
 * What operators watch, tried against the running stack: every metric the shipped alerts read is one the platform
 * really produces.
 */
package org.securebase.systemtests.observability;
