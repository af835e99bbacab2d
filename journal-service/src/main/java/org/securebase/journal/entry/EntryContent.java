package org.securebase.journal.entry;

/** What the client wrote. Clinical: never logged, so toString shows nothing of it. */
record EntryContent(String title, String body, Integer mood) {

    @Override
    public String toString() {
        return "EntryContent[redacted]";
    }
}
