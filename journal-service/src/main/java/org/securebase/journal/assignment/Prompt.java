package org.securebase.journal.assignment;

import java.util.List;
import java.util.UUID;

/** A prompt of an assignment, decrypted. {@code listId} and {@code itemIds} only for checklists. */
record Prompt(UUID id, int position, PromptKind kind, String question, String listId, List<String> itemIds) {

    Prompt {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    @Override
    public String toString() {
        return "Prompt[id=" + id + ", position=" + position + ", kind=" + kind + "]";
    }
}
