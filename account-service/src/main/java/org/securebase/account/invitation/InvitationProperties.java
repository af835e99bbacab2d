package org.securebase.account.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkLifespan  how long the link in an invitation email works
 * @param retryInterval how often invitation emails that could not be sent are tried again
 * @param retryMinAge   invitations younger than this are left to the request that is still sending them
 * @param quota         how many invitation emails one admin may ask for in a window ({@link InvitationQuota})
 */
@ConfigurationProperties("securebase.accounts.invitation")
public record InvitationProperties(
        @DefaultValue("P3D") Duration linkLifespan,
        @DefaultValue("PT1M") Duration retryInterval,
        @DefaultValue("PT30S") Duration retryMinAge,
        @DefaultValue Quota quota) {

    /**
     * @param requests invitation emails (new or sent again) per admin within {@code per}
     * @param per      the sliding window
     */
    public record Quota(@DefaultValue("20") int requests, @DefaultValue("PT1H") Duration per) {

        public Quota {
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("securebase.accounts.invitation.quota needs requests >= 1 and a "
                        + "positive window, not " + requests + " per " + per);
            }
        }
    }
}
