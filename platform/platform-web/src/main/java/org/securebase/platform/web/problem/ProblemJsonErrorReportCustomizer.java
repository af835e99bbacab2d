package org.securebase.platform.web.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes {@link ProblemJsonErrorReportValve} the host's only error report valve. Runs after Boot's own Tomcat
 * customizer, which adds a plain {@link ErrorReportValve} to the host (for {@code server.error.include-stacktrace:
 * never}); that one is replaced, and the host is told the valve class so that it does not add a default one on start.
 */
public class ProblemJsonErrorReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> useProblemJsonErrorReport(context.getParent()));
    }

    static void useProblemJsonErrorReport(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemJsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof ProblemJsonErrorReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemJsonErrorReportValve());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
