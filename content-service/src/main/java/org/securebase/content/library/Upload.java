package org.securebase.content.library;

/**
 * One file of an import, as received.
 *
 * @param name    the file's name as the client gave it (a path, possibly); never shown unless it is plainly a name
 * @param size    its size in bytes, or -1 when it is only known to exceed the limit
 * @param content its bytes, or {@code null} when it was too large to be read
 */
record Upload(String name, long size, byte[] content) {

    static Upload tooLarge(String name, long size) {
        return new Upload(name, size, null);
    }

    boolean wasRead() {
        return content != null;
    }
}
