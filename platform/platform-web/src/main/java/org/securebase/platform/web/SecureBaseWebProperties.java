package org.securebase.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param uploadPaths   exact request paths that take {@code multipart/form-data} uploads larger than the body limit
 *                      (content-service's library import). There the container's multipart limits
 *                      ({@code spring.servlet.multipart.*}) bound the upload instead, and it is streamed to disk
 *                      rather than buffered here; any other content type on those paths still meets the body limit.
 */
@ConfigurationProperties("securebase.web")
public record SecureBaseWebProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        String maxBodyDetail,
        List<String> uploadPaths) {

    @ConstructorBinding
    public SecureBaseWebProperties {
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
        // Bodies up to the limit are held in memory, in one array.
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("securebase.web.max-body-size must be at least 1 byte and below 2GB, not "
                    + maxBodySize);
        }
        if (!StringUtils.hasText(maxBodyDetail)) {
            maxBodyDetail = "The request body may be at most " + maxBodySize.toBytes() + " bytes.";
        }
    }

    public SecureBaseWebProperties(DataSize maxBodySize, String maxBodyDetail) {
        this(maxBodySize, maxBodyDetail, List.of());
    }

    /** {@link #maxBodySize()} in bytes. */
    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
