package org.securebase.platform.events.consumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Pauses a listener container while a failed record waits for its next try, and resumes it after, on a scheduler of
 * its own (so the kit adds no scheduler bean that would take the place of the application's).
 */
public class ConsumerPauses implements DisposableBean {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService service;

    public ConsumerPauses(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("event-consumer-resume-");
        scheduler.initialize();
        service = new ListenerContainerPauseService(registry.getIfAvailable(), scheduler);
    }

    ListenerContainerPauseService service() {
        return service;
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
