package org.securebase.platform.events;

/**
 * A record that cannot be read as an {@link EventEnvelope} (not JSON, a required field missing, a payload of
 * the wrong shape). Retrying will never help, so consumers should send it to the dead-letter topic at once.
 * The message names the problem but never contains the record's bytes: they may hold data that must not
 * reach the logs.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
