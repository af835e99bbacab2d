package org.securebase.journal.record;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code securebase.journal.record.*}.
 *
 * @param linkValidity       how long a prepared copy may be downloaded; then it is dropped
 * @param preparationTimeout a claim older than this is taken to be of an instance that stopped, and prepared again
 * @param sweepInterval      how often each instance looks for waiting requests and expired copies (a new request is
 *                           also started at once by the instance that took it)
 */
@ConfigurationProperties("securebase.journal.record")
record RecordProperties(@DefaultValue("PT72H") Duration linkValidity,
                        @DefaultValue("PT10M") Duration preparationTimeout,
                        @DefaultValue("PT15S") Duration sweepInterval) {
}
