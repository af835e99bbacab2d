package org.securebase.platform.events;

/**
 * An event of a known type in a schema version newer than the consumer was written for. Never guessed at: the
 * consumer parks it in the dead-letter topic, where it waits for a release that understands it.
 */
public class UnknownSchemaVersionException extends RuntimeException {

    public UnknownSchemaVersionException(String type, int version, int known) {
        super(type + " schema version " + version + " is newer than the " + known + " this service understands");
    }
}
