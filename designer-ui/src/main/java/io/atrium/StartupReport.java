package io.atrium;

import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs, once the platform is ready, where it listens, how it runs and how long start-up took. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final MongoConnection mongo;
    private final ZeebeConnection zeebe;
    private final Environment environment;

    StartupReport(MongoConnection mongo, ZeebeConnection zeebe, Environment environment) {
        this.mongo = mongo;
        this.zeebe = zeebe;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent event) {
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("Atrium started in {} ms (JVM start to ready; Spring context {} ms); heap used {} MB; "
                        + "MongoDB {}, Zeebe {}; listening on http://localhost:{}",
                sinceJvmStart, event.getTimeTaken().toMillis(), memory.getUsed() / (1024 * 1024),
                mongo.mode().name().toLowerCase(), zeebe.mode().name().toLowerCase(),
                environment.getProperty("local.server.port", "8080"));
    }
}
