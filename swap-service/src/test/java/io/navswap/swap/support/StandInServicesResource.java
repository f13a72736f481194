package io.navswap.swap.support;

import io.navswap.embedded.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Chooses the stand-in's port before the application starts, so that the {@code %test} client URLs
 * ({@code http://127.0.0.1:${navswap.test.stand-in-port}}) point at it. The port also goes into a system property,
 * which {@link StandInServices} reads whichever class loader the tests run in. Registered through
 * {@code META-INF/services}, like the embedded backends.
 */
public class StandInServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public synchronized Map<String, String> start() {
        String port = System.getProperty(StandInServices.PORT_PROPERTY);
        if (port == null) {
            port = String.valueOf(FreePorts.any());
            System.setProperty(StandInServices.PORT_PROPERTY, port);
        }
        return Map.of(StandInServices.PORT_PROPERTY, port);
    }

    @Override
    public void stop() {
        // The stand-in server lives as long as the test JVM.
    }
}
