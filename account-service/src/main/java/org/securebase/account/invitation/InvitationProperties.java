package org.securebase.account.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkLifespan  how long the link in an invitation email works
 * @param retryInterval how often invitation emails that could not be sent are tried again
 * @param retryMinAge   invitations younger than this are left to the request that is still sending them
 */
@ConfigurationProperties("securebase.accounts.invitation")
public record InvitationProperties(
        @DefaultValue("P3D") Duration linkLifespan,
        @DefaultValue("PT1M") Duration retryInterval,
        @DefaultValue("PT30S") Duration retryMinAge) {
}
