package org.securebase.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as the payload of an event on a topic: the one place its topic, type name and schema version
 * are written. Publishers, the outbox and consumers all read them from here (through {@link EventContracts}).
 *
 * <p>Raising {@link #schemaVersion()} is for a change that older consumers must not guess at (a field removed,
 * renamed or given a new meaning): they dead-letter such an event instead. Adding a field needs no new version,
 * because readers ignore fields they do not know.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    /** The topic the event is published on; one of {@link Topics}. */
    String topic();

    /** The version of the payload's shape. */
    int schemaVersion();

    /** The envelope's {@code type}; the record's simple name when empty. */
    String type() default "";

    /**
     * Whether consumers record the event in their processed-event ledger. False only for events that are idempotent
     * by nature and frequent (a heartbeat: applying one twice changes nothing), so the ledger does not grow with them.
     */
    boolean recordInLedger() default true;
}
