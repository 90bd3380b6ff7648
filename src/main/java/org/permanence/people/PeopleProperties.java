package org.permanence.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who logs in: the workers' service account, and whether the demo office is loaded. Passwords come
 * from the environment; left empty, they are random for this run.
 */
@ConfigurationProperties("permanence.people")
public record PeopleProperties(String workerUser, String workerPassword, boolean demo, String demoPassword) {
}
