package org.securebase.journal.messaging;

/** An event in a schema version newer than this service reads: parked in the dead-letter topic, never guessed at. */
public class UnknownSchemaVersionException extends RuntimeException {

    public UnknownSchemaVersionException(String type, int version) {
        super(type + " schema version " + version + " is newer than journal-service understands");
    }
}
