package org.permanence.forecast;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enough secretaries on the phone at a forecast moment: every client expecting calls keeps at least one of
 * its secretaries, and the team keeps as many as the calls expected of all its clients need, each secretary
 * busy at most {@code maxOccupancy} of her time with calls of {@code minutesPerCall}. The rule the office
 * keeps when it proposes focus blocks, and the cost it states when a secretary starts one anyway.
 */
public final class Coverage {

    /** At that moment, {@code client} (or the team, when null) would have {@code left} secretaries on the phone but needs {@code needed}. */
    public record Shortfall(Instant at, String client, int needed, int left) {
    }

    private final LoadForecast forecast;
    private final ForecastProperties properties;

    public Coverage(LoadForecast forecast, ForecastProperties properties) {
        this.forecast = forecast;
        this.properties = properties;
    }

    /** Who would be short at that moment with these secretaries off the phone; empty: everyone is covered. */
    public Optional<Shortfall> shortAt(Instant at, Map<String, List<String>> clientsBySecretary, Set<String> offPhone) {
        List<String> onPhone = clientsBySecretary.keySet().stream().filter(secretary -> !offPhone.contains(secretary)).toList();
        Collection<String> clients = clientsBySecretary.values().stream().flatMap(List::stream).distinct().sorted().toList();
        for (String client : clients) {
            if (forecast.callsPerHour(client, at) > 0 && onPhone.stream().noneMatch(secretary -> clientsBySecretary.get(secretary).contains(client))) {
                return Optional.of(new Shortfall(at, client, 1, 0));
            }
        }
        int needed = neededOnPhone(at, clients);
        return onPhone.size() < needed ? Optional.of(new Shortfall(at, null, needed, onPhone.size())) : Optional.empty();
    }

    /** Secretaries the team needs on the phone at that moment for these clients' calls. */
    int neededOnPhone(Instant at, Collection<String> clients) {
        double callsPerHour = clients.stream().mapToDouble(client -> forecast.callsPerHour(client, at)).sum();
        double busy = callsPerHour * properties.minutesPerCall() / 60;
        return (int) Math.ceil(busy / properties.maxOccupancy() - 1e-9);
    }
}
