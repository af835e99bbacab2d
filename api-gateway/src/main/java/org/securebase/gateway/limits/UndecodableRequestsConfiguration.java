package org.securebase.gateway.limits;

import org.securebase.gateway.problem.ProblemResponses;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link UndecodableRequests} right behind the HTTP/1.1 decoder of every connection. */
@Configuration(proxyBeanMethods = false)
class UndecodableRequestsConfiguration {

    @Bean
    NettyServerCustomizer undecodableRequestsAsProblems(ProblemResponses problems) {
        UndecodableRequests handler = new UndecodableRequests(problems);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // Reactor Netty's own initializer has run by now; without its HTTP/1.1 codec (h2 only) there is no
            // decoder whose failures need translating.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(UndecodableRequests.HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, UndecodableRequests.HANDLER_NAME, handler);
            }
        });
    }
}
