package org.securebase.journal.assignment;

import java.time.Instant;
import java.util.UUID;

/** The client's answer to one prompt, decrypted. */
record Answer(UUID id, UUID promptId, AnswerValue value, Instant savedAt) {

    @Override
    public String toString() {
        return "Answer[id=" + id + ", promptId=" + promptId + "]";
    }
}
