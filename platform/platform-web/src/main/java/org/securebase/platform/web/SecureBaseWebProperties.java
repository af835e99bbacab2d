package org.securebase.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The web settings a service chooses for itself.
 *
 * @param maxBodySize   the largest request body accepted ({@code 256KB}, {@code 1MB}, or plain bytes); larger
 *                      ones are answered 413. The default is the gateway's own default limit.
 * @param maxBodyDetail the {@code detail} of that 413, shown to the caller as is; by default it names the limit
 *                      in bytes. A service sets it to name the limits of its own texts as well.
 */
@ConfigurationProperties("securebase.web")
public record SecureBaseWebProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        String maxBodyDetail) {

    public SecureBaseWebProperties {
        // Bodies up to the limit are held in memory, in one array.
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("securebase.web.max-body-size must be at least 1 byte and below 2GB, not "
                    + maxBodySize);
        }
        if (!StringUtils.hasText(maxBodyDetail)) {
            maxBodyDetail = "The request body may be at most " + maxBodySize.toBytes() + " bytes.";
        }
    }

    /** {@link #maxBodySize()} in bytes. */
    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
