package org.securebase.journal.program;

import org.securebase.journal.assignment.AssignmentIssuing;

/** A step of a program: homework prepared (article version pinned, prompts checked), its rule, days to do it. */
record ProgramStep(int position, AssignmentIssuing.Prepared homework, DeliveryRule rule, int dueDays) {
}
