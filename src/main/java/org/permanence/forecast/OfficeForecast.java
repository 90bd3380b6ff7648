package org.permanence.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** The office's load forecast, learnt from its call records and learnt again at most every hour (the last weeks change slowly). */
@Component
@EngineNode
class OfficeForecast {

    private static final Duration RELEARN_AFTER = Duration.ofHours(1);

    private final CallArrivals history;
    private final Team team;
    private final ForecastProperties properties;
    private final Forecasting forecasting;
    private final Clock clock = Clock.systemUTC();
    private LoadForecast learnt;
    private Instant learntAt;

    OfficeForecast(CallArrivals history, Team team, ForecastProperties properties) {
        this.history = history;
        this.team = team;
        this.properties = properties;
        this.forecasting = new Forecasting(properties);
    }

    synchronized LoadForecast now() {
        Instant now = clock.instant();
        if (learnt == null || !now.isBefore(learntAt.plus(RELEARN_AFTER))) {
            learnt = forecasting.learn(history.since(now.minus(Duration.ofDays(7L * properties.weeks()))),
                    team.everyone().stream().flatMap(secretary -> secretary.clients().stream()).distinct().toList(), now);
            learntAt = now;
        }
        return learnt;
    }
}
