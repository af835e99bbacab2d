package org.securebase.gateway.limits;

import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.securebase.gateway.problem.ProblemKind;
import org.securebase.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;

/**
 * Answers a request that Netty's HTTP decoder could not read - a request line over its limit (414), headers over
 * {@code server.max-http-request-header-size} (431), or a malformed request head (400) - with problem+json.
 * Reactor Netty would answer these itself with an empty body, before any Spring filter or error handler runs,
 * so this handler sits right behind the decoder and takes the failed request before Reactor Netty sees it. The
 * decoder's limits stay as they are: only the answer changes. The decoder reads nothing more from the connection
 * after such a failure, so the connection is closed after the answer.
 */
@ChannelHandler.Sharable
final class UndecodableRequests extends ChannelInboundHandlerAdapter {

    static final String HANDLER_NAME = "securebase.undecodableRequests";

    private static final Logger log = LoggerFactory.getLogger(UndecodableRequests.class);

    private final ProblemResponses problems;

    UndecodableRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpRequest request) || !request.decoderResult().isFailure()) {
            ctx.fireChannelRead(msg);
            return;
        }
        DecoderResult result = request.decoderResult();
        ReferenceCountUtil.release(msg);
        ProblemKind kind = kindOf(result.cause());
        String requestId = UUID.randomUUID().toString();
        // Neither the path nor a header value: they are the oversized input, and may hold anything.
        log.warn("[{}] refused a request the HTTP decoder could not read: {} {}", requestId, kind.status().value(),
                result.cause().getClass().getSimpleName());
        byte[] body = problems.body(kind, null, requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(kind.status().value()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("X-Request-Id", requestId)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static ProblemKind kindOf(Throwable failure) {
        // The decoder may wrap its exception; Reactor Netty looks one level down as well.
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TooLongHttpLineException || failure instanceof TooLongHttpLineException) {
            return ProblemKind.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException || failure instanceof TooLongHttpHeaderException) {
            return ProblemKind.HEADERS_TOO_LARGE;
        }
        return ProblemKind.BAD_REQUEST;
    }
}
