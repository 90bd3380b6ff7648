package org.permanence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One jar, three roles chosen by Spring profile: none = {@code all} (engine, web and workers),
 * {@code engine} (no workers) or {@code worker} (workers only, against a remote engine).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PermanenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PermanenceApplication.class, args);
    }
}
