package org.permanence.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.permanence.assignment.Status;

/**
 * A synthetic but plausible day of a small office, the same for every policy: calls per client and
 * hour on its type's daily curve ({@link ClientType}), each with its handling time, what it turns out to be and the
 * caller's mood; mail and document work through the day; each secretary's fixed focus block and lunch.
 * Generated from a seed, so a run repeats; the same office's earlier weeks are its call history.
 */
record OfficeDay(Instant opens, Instant closes, Map<String, List<String>> clientsBySecretary, List<Call> calls,
                 List<Paperwork> paperwork, List<StatusPeriod> periods) {

    record Call(Instant at, String client, String category, String mood, Duration handling) {
        boolean difficult() {
            return mood.equals("angry") || mood.equals("distressed");
        }
    }

    /** {@code process}: sim-mail (a draft to review) or sim-document (a document to classify). */
    record Paperwork(Instant at, String client, String process, Duration handling) {
    }

    /** A status a secretary sets at {@code from} for {@code minutes} (focus), or until she sets another (away, available). */
    record StatusPeriod(String secretary, Instant from, Status status, Integer minutes) {
    }

    /** How long the follow-up tasks of a call take. */
    static final Map<String, Duration> FOLLOW_UP = Map.of(
            "CallBack", Duration.ofMinutes(5), "TakeAppointment", Duration.ofMinutes(4), "ConfirmClientReached", Duration.ofMinutes(3));

    /**
     * What kind of business each client is, and so when its phone rings: calls per hour from 8:00 to 18:00 in Paris
     * (UTC+1 in November) relative to the client's volume, each curve summing to the same day's total (9.5).
     */
    enum ClientType {
        /** Patients ring at opening for a same-day appointment; quiet at lunch, a smaller afternoon peak. */
        PRACTICE(1.8, 1.6, 1.2, 0.9, 0.3, 0.4, 1.2, 0.9, 0.7, 0.5),
        /** Clients ring once their own day has started: late morning and mid-afternoon. */
        LAW_FIRM(0.3, 0.8, 1.4, 1.4, 0.5, 0.5, 1.2, 1.4, 1.2, 0.8),
        /** Breakdowns are reported early, before the jobs start, and again at the end of the day; flatter in between. */
        TRADESMAN(1.6, 1.3, 0.9, 0.8, 0.7, 0.9, 0.8, 0.7, 0.8, 1.0),
        /** An office's usual day: morning and early-afternoon peaks, the lull at lunch. */
        AGENCY(0.6, 1.3, 1.4, 1.1, 0.5, 0.6, 1.2, 1.2, 1.0, 0.6);

        final double[] hourly;

        ClientType(double... hourly) {
            this.hourly = hourly;
        }
    }

    static final Map<String, ClientType> CLIENT_TYPES = Map.of("cabinet-martin", ClientType.PRACTICE, "dentiste-roux", ClientType.PRACTICE,
            "durand-avocats", ClientType.LAW_FIRM, "plomberie-leroy", ClientType.TRADESMAN, "garage-moreau", ClientType.TRADESMAN,
            "agence-sud", ClientType.AGENCY);
    /** The simulated day: a Friday; its history, the Fridays before. */
    static final Instant OPENS = Instant.parse("2026-11-27T07:00:00Z");

    static OfficeDay generate(long seed) {
        return generate(seed, 0);
    }

    /**
     * The office of that seed, {@code weeksBefore} weeks before the simulated day (0: the day itself): each client keeps
     * its volume from one week to the next (2.5 to 4.5 calls an hour, drawn once for the seed), the calls themselves differ.
     */
    static OfficeDay generate(long seed, int weeksBefore) {
        Random office = new Random(seed);
        Random random = weeksBefore == 0 ? office : new Random(seed * 1_000_003L + weeksBefore);
        Instant opens = OPENS.minus(Duration.ofDays(7L * weeksBefore));
        Instant closes = opens.plus(Duration.ofHours(10));
        Map<String, List<String>> clients = new LinkedHashMap<>();
        clients.put("anne", List.of("cabinet-martin", "durand-avocats", "plomberie-leroy"));
        clients.put("beatrice", List.of("plomberie-leroy", "garage-moreau", "agence-sud"));
        clients.put("chloe", List.of("agence-sud", "dentiste-roux", "cabinet-martin"));
        clients.put("diane", List.of("durand-avocats", "garage-moreau", "dentiste-roux"));
        clients.put("emma", List.of("cabinet-martin", "plomberie-leroy", "agence-sud"));

        List<String> clientIds = clients.values().stream().flatMap(List::stream).distinct().sorted().toList();
        Map<String, Double> volume = new LinkedHashMap<>();
        clientIds.forEach(client -> volume.put(client, 2.5 + 2 * office.nextDouble()));
        List<Call> calls = new ArrayList<>();
        List<Paperwork> paperwork = new ArrayList<>();
        for (String client : clientIds) {
            double perHour = volume.get(client);
            double[] hourly = CLIENT_TYPES.get(client).hourly;
            for (int hour = 0; hour < hourly.length; hour++) {
                Instant start = opens.plus(Duration.ofHours(hour));
                double t = 0;
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) / (perHour * hourly[hour]) * 60;
                    if (t >= 60) {
                        break;
                    }
                    String mood = pick(random, new String[]{"calm", "annoyed", "angry", "distressed"}, new double[]{0.60, 0.25, 0.10, 0.05});
                    String category = pick(random, new String[]{"message", "appointment", "call-back", "information", "urgent"},
                            new double[]{0.45, 0.20, 0.15, 0.15, 0.05});
                    // lognormal around 3.5 minutes; an upset caller takes longer
                    double minutes = Math.exp(Math.log(3.5) + 0.5 * random.nextGaussian()) * (mood.equals("angry") || mood.equals("distressed") ? 1.5 : 1);
                    calls.add(new Call(start.plusSeconds((long) (t * 60)), client, category, mood,
                            Duration.ofSeconds((long) (Math.min(20, Math.max(1, minutes)) * 60))));
                }
            }
            for (int i = 0; i < 12; i++) {
                boolean mail = i % 2 == 0;
                paperwork.add(new Paperwork(opens.plusSeconds(random.nextInt(9 * 3600)), client, mail ? "sim-mail" : "sim-document",
                        Duration.ofMinutes(mail ? 6 + random.nextInt(5) : 1 + random.nextInt(3))));
            }
        }
        calls.sort((a, b) -> a.at().compareTo(b.at()));
        paperwork.sort((a, b) -> a.at().compareTo(b.at()));

        List<StatusPeriod> periods = new ArrayList<>();
        String[] focusAt = {"07:30", "09:00", "10:00", "13:00", "14:30"};
        String[] lunchAt = {"11:00", "11:00", "12:00", "12:00", "11:30"};
        int i = 0;
        for (String secretary : clients.keySet()) {
            periods.add(new StatusPeriod(secretary, at(opens, focusAt[i]), Status.FOCUS, 90));
            periods.add(new StatusPeriod(secretary, at(opens, lunchAt[i]), Status.AWAY, null));
            periods.add(new StatusPeriod(secretary, at(opens, lunchAt[i]).plus(Duration.ofHours(1)), Status.AVAILABLE, null));
            i++;
        }
        return new OfficeDay(opens, closes, clients, calls, paperwork, periods);
    }

    /** The same day with these focus blocks instead of the fixed ones; lunches stay. */
    OfficeDay withFocus(List<StatusPeriod> focus) {
        List<StatusPeriod> changed = new ArrayList<>(periods.stream().filter(period -> period.status() != Status.FOCUS).toList());
        changed.addAll(focus);
        return new OfficeDay(opens, closes, clientsBySecretary, calls, paperwork, changed);
    }

    /** Each secretary's lunch, from the moment she is away to the moment she is back. */
    Map<String, List<Instant>> lunches() {
        Map<String, List<Instant>> lunches = new LinkedHashMap<>();
        periods.stream().filter(period -> period.status() != Status.FOCUS)
                .forEach(period -> lunches.computeIfAbsent(period.secretary(), secretary -> new ArrayList<>()).add(period.from()));
        return lunches;
    }

    private static Instant at(Instant opens, String utcTime) {
        return Instant.parse(opens.toString().substring(0, 11) + utcTime + ":00Z");
    }

    private static String pick(Random random, String[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
