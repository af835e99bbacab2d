/** Whole-stack journeys: the real platform started by the local-stack launcher, driven through a real browser. */
package org.securebase.systemtests;
