package org.permanence;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Ports and data folder of the node shared by {@link OfficeIntegrationTest} classes, chosen once per test run. */
public class SharedNode implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final Map<String, Object> PROPERTIES = TestOffice.nodeProperties(TestOffice.newDataDir());

    public static String baseUrl() {
        return "http://127.0.0.1:" + PROPERTIES.get("server.port");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-test-node", PROPERTIES));
    }
}
