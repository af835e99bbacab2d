/**
 * Homework: the therapist assigns a reading with prompts; the client reads the pinned version of the article
 * beside the prompts, answers (autosaved), submits, and reads the therapist's feedback on an answer.
 */
package org.securebase.portal.assignment;
