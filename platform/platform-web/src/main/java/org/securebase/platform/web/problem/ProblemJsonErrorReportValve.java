package org.securebase.platform.web.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.securebase.platform.web.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on an error, as problem+json instead of its HTML page. It speaks when nothing in the
 * application could: Tomcat refuses some requests in its connector before any filter or servlet runs - a path with
 * {@code %00}, bytes that are not UTF-8, an encoded slash or a path that walks out of the root - and hands them to
 * the host's error report valve, which by default writes an HTML page. Everything the application answers itself
 * (Spring's error controller included) has content by then and passes through untouched.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorReportValve.class);

    private final ProblemResponseWriter writer = new ProblemResponseWriter();

    public ProblemJsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same conditions as Tomcat's own report: an error, nothing written yet, reported once, I/O still possible.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (RequestIdFilter.currentRequestId(request).isEmpty()) {
            // The request never reached the filter that gives it an id; give it the same way, for the body and the log.
            String requestId = RequestIdFilter.acceptOrGenerate(request.getHeader(RequestIdFilter.HEADER));
            request.setAttribute(RequestIdFilter.REQUEST_ATTRIBUTE, requestId);
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemDetail problem = code.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE.value()
                ? Problems.internalError(request)
                : Problems.of(code, Problems.genericDetail(code), request);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            // The reporter, not the output stream: it works even when the application had already asked for a writer.
            PrintWriter reporter = response.getReporter();
            if (reporter != null) {
                reporter.write(writer.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException failed) {
            // The client went away or the response cannot take a body any more: nothing more to say to it.
            log.debug("could not write the problem for a {} answered by Tomcat", status, failed);
        }
    }
}
