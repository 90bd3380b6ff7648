package org.permanence.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.permanence.assignment.Status;
import org.permanence.assignment.engine.SimulatedOffice;
import org.permanence.forecast.Absence;
import org.permanence.forecast.FocusPlanner;
import org.permanence.forecast.ForecastProperties;
import org.permanence.forecast.Forecasting;
import org.permanence.forecast.LoadForecast;

/**
 * The focus blocks the office proposes for the simulated day, as it would that morning: the forecast learnt, with the
 * settings users get, from the same office's previous weeks ({@code ForecastProperties.weeks()} of simulated history),
 * then each secretary in turn accepting the first (quietest) block proposed to her, around the lunches and the blocks
 * her colleagues accepted before her. A secretary offered none focuses on none.
 */
final class ProposedFocus {

    private ProposedFocus() {
    }

    static List<OfficeDay.StatusPeriod> of(OfficeDay day, long seed) {
        // -Dbench.max-occupancy: the coverage rule's setting to weigh, else as shipped
        String occupancy = System.getProperty("bench.max-occupancy");
        ForecastProperties properties = SimulatedOffice.applicationYaml(occupancy == null ? Map.of() : Map.of("permanence.forecast.max-occupancy", occupancy))
                .bind("permanence.forecast", ForecastProperties.class).get();
        List<Forecasting.Rang> history = IntStream.rangeClosed(1, properties.weeks()).mapToObj(weeksBefore -> OfficeDay.generate(seed, weeksBefore))
                .flatMap(week -> week.calls().stream()).map(call -> new Forecasting.Rang(call.client(), call.at())).toList();
        List<String> clients = day.clientsBySecretary().values().stream().flatMap(List::stream).distinct().toList();
        LoadForecast forecast = new Forecasting(properties).learn(history, clients, day.opens());
        FocusPlanner planner = new FocusPlanner(forecast, properties);

        List<Absence> planned = new ArrayList<>();
        day.lunches().forEach((secretary, awayThenBack) -> planned.add(new Absence(secretary, awayThenBack.get(0), awayThenBack.get(1))));
        List<OfficeDay.StatusPeriod> focus = new ArrayList<>();
        for (String secretary : day.clientsBySecretary().keySet()) {
            planner.propose(secretary, day.clientsBySecretary(), planned, day.opens(), day.closes(), 1).forEach(block -> {
                planned.add(new Absence(secretary, block.starts(), block.ends()));
                focus.add(new OfficeDay.StatusPeriod(secretary, block.starts(), Status.FOCUS,
                        (int) Duration.between(block.starts(), block.ends()).toMinutes()));
            });
        }
        return focus;
    }
}
