package org.securebase.portal;

import org.securebase.portal.api.PageCalls;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The pool a page's concurrent API calls run on, for controller slices whose pages make such calls. */
@TestConfiguration(proxyBeanMethods = false)
public class WebSliceCalls {

    @Bean(destroyMethod = "stop")
    PageCalls pageCalls() {
        return new PageCalls(2);
    }
}
