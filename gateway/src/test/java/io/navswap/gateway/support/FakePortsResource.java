package io.navswap.gateway.support;

import io.navswap.embedded.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Chooses the ports of the fake upstreams before the gateway starts, so that its service URLs point at
 * them and no fixed port can collide with another process on the machine.
 */
public class FakePortsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "navswap.test.fake-upstream-port", String.valueOf(FreePorts.any()),
                "navswap.test.fake-services-port", String.valueOf(FreePorts.any()));
    }

    @Override
    public void stop() {
        // The fakes are stopped by the tests that started them; nothing is held here.
    }
}
