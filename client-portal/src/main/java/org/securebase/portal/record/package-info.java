/**
 * "Your record": a client takes a copy of everything Secure Base holds about them, a therapist a copy of what they hold
 * of one client of their caseload (from the client's review agenda). journal-service prepares each copy in the
 * background and decides who may ask for, follow and download which ({@link org.securebase.portal.record.RecordApi});
 * the page shows the requests with their progress ({@code record.js} follows a copy being prepared) and streams a
 * ready archive to the person who asked.
 */
package org.securebase.portal.record;
