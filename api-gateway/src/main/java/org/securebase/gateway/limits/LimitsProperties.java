package org.securebase.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a route accepts unless its metadata says {@code max-body-size}
 */
@ConfigurationProperties("securebase.limits")
public record LimitsProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
