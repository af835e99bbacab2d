package org.securebase.account.rights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param years how long a closed client's record is kept after the closure, in calendar years; 0 where the practice
 *              keeps nothing once an account is closed
 */
@ConfigurationProperties("securebase.accounts.retention")
public record RetentionProperties(@DefaultValue("7") int years) {

    public RetentionProperties {
        if (years < 0 || years > 100) {
            throw new IllegalArgumentException("securebase.accounts.retention.years must be between 0 and 100, not "
                    + years);
        }
    }
}
