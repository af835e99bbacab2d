package org.securebase.gateway.exchange;

import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the request id into the SLF4J MDC (key {@code requestId}, as in the services) for the duration of one
 * log statement. Reactor moves a request between threads, so a thread-bound MDC set once at the start would
 * label the wrong lines; scoping it to the statement is exact and costs nothing on the happy path.
 */
public final class RequestLog {

    public static final String MDC_KEY = "requestId";

    private RequestLog() {
    }

    public static void with(ServerWebExchange exchange, Runnable logStatement) {
        String requestId = RequestFacts.requestId(exchange).orElse(null);
        if (requestId == null) {
            logStatement.run();
            return;
        }
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, requestId);
        try {
            logStatement.run();
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }
}
