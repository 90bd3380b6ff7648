package org.permanence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against one running all-in-one node on real ports (engine, REST, workers, embedded S3 and
 * mail), shared by every test class that carries this annotation. Metrics are exported as in
 * production (Spring Boot turns them off in tests by default). Tagged {@code node}: these need the running node.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("node")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = SharedNode.class)
public @interface OfficeIntegrationTest {
}
