package org.securebase.content.library;

/** What is wrong with one library file, phrased for the person who wrote it (with the line, where there is one). */
class LibraryFileRejectedException extends Exception {

    LibraryFileRejectedException(String message) {
        // Expected per file and reported to the caller: no stack trace.
        super(message, null, false, false);
    }

    static LibraryFileRejectedException atLine(int line, String message) {
        return new LibraryFileRejectedException("line " + line + ": " + message);
    }
}
