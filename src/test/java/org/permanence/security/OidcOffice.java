package org.permanence.security;

import java.nio.file.Path;
import java.util.Map;

import org.permanence.TestOffice;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one office node signing people in through {@link TestProvider}, shared by every OpenID Connect
 * test of the run (one Spring context: starting a node costs more than all their checks). The provider
 * re-checked at every request, so a test sees the effect of a change at the provider at once.
 */
public final class OidcOffice {

    private static OidcOffice started;

    private final TestProvider provider;
    private final ConfigurableApplicationContext node;
    private final String baseUrl;

    private OidcOffice() {
        Path dataDir = TestOffice.newDataDir();
        Map<String, Object> properties = TestOffice.nodeProperties(dataDir);
        // a database of its own, the embedded one even in the PostgreSQL pass (whose URL comes as a system property,
        // which these arguments override): a second engine on the shared node's database would take its work and
        // send its mails from another mailbox. Signing in does not depend on the database.
        properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("db").resolve("permanence") + ";WRITE_DELAY=0");
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        baseUrl = "http://127.0.0.1:" + properties.get("server.port");
        provider = new TestProvider(baseUrl);
        properties.put("permanence.links.public-base-url", baseUrl);
        properties.put("permanence.oidc.issuer-uri", provider.issuer());
        properties.put("permanence.oidc.client-id", TestProvider.CLIENT_ID);
        properties.put("permanence.oidc.client-secret", TestProvider.CLIENT_SECRET);
        properties.put("permanence.oidc.secretaries-group", TestProvider.SECRETARIES);
        properties.put("permanence.oidc.managers-group", TestProvider.MANAGERS);
        properties.put("permanence.oidc.recheck-every", "0s");
        properties.put("permanence.oidc.audiences", TestProvider.CLIENT_ID + "," + TestProvider.REPORTS);
        node = TestOffice.start(properties);
    }

    public static synchronized OidcOffice get() {
        if (started == null) {
            // both contexts close with the JVM (Spring's shutdown hooks)
            started = new OidcOffice();
        }
        return started;
    }

    public TestProvider provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public <T> T bean(Class<T> type) {
        return node.getBean(type);
    }
}
