package org.securebase.gateway.edge;

import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    // Keycloak answers on the internal network: a slow answer is better retried later than waited for, and a
    // huge one is not a JWK set (the services' limits).
    private static final int JWKS_CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration JWKS_FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final int JWKS_SIZE_LIMIT_BYTES = 100 * 1024;

    @Bean
    EdgeJwtDecoders edgeJwtDecoders(EdgeSecurityProperties properties, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, JWKS_CONNECT_TIMEOUT_MILLIS)
                .responseTimeout(JWKS_READ_TIMEOUT);
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(JWKS_SIZE_LIMIT_BYTES))
                .build();
        RemoteJwkSet keys = new RemoteJwkSet(client, properties.jwkSetUri(), time, properties.jwkSetMaxAge(),
                properties.jwkSetMinFetchInterval(), JWKS_FETCH_TIMEOUT);
        return new EdgeJwtDecoders(keys, properties.issuerUri(), time);
    }

    @Bean
    ApiPaths apiPaths(EdgeSecurityProperties properties) {
        return new ApiPaths(properties.publicPaths(), properties.publicPostPaths());
    }
}
