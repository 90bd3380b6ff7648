package org.permanence.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who logs in: the workers' service account, and whether the demo office is loaded ({@code demo}
 * unset: only on the embedded database). Passwords come from the environment; left empty, they are
 * random for this run.
 */
@ConfigurationProperties("permanence.people")
public record PeopleProperties(String workerUser, String workerPassword, Boolean demo, String demoPassword) {

    public boolean loadsDemo(String databaseUrl) {
        return demo != null ? demo : databaseUrl.startsWith("jdbc:h2:");
    }
}
