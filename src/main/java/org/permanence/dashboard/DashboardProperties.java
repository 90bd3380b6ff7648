package org.permanence.dashboard;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The office's clock for the dashboard: where "today" and "this week" begin. */
@ConfigurationProperties("permanence.dashboard")
public record DashboardProperties(ZoneId timeZone) {

    public DashboardProperties {
        timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
    }
}
