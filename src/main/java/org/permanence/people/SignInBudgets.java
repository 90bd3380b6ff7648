package org.permanence.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The failed sign-ins each address, and each (address, user), may still make: a token bucket each, that
 * refills over time. A sign-in about to be checked reserves one failure of both its budgets; it keeps it if
 * the sign-in failed and gives it back otherwise, so a burst of concurrent guesses cannot overrun a budget
 * while its answers are on their way. Memory is bounded: past {@code trackedSources} entries the one seen
 * least recently is forgotten (it starts again with a full budget).
 */
final class SignInBudgets {

    /** An address or (address, user) that spends its budget is logged once a minute at most, with how many more were refused. */
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** Longer than any user id the office gives (Camunda's column holds 255). */
    private static final int MAX_USER_CHARS = 256;

    private final SignInProperties.Budget perSource;
    private final SignInProperties.Budget perUser;
    private final Clock clock;
    private final Map<String, Bucket> sources;
    private final Map<String, Bucket> users;
    private final RecentCounts failures;
    private final RecentCounts refusals;

    SignInBudgets(SignInProperties properties, Clock clock) {
        this.perSource = properties.perSource();
        this.perUser = properties.perUser();
        this.clock = clock;
        this.sources = leastRecentlySeenForgotten(properties.trackedSources());
        this.users = leastRecentlySeenForgotten(properties.trackedSources());
        this.failures = new RecentCounts(properties.healthWindow());
        this.refusals = new RecentCounts(properties.healthWindow());
    }

    /** A sign-in refused unchecked: when to come back, and whether to log it now (with how many were refused unlogged before). */
    record Refusal(Duration retryAfter, boolean logNow, long unloggedBefore) {
    }

    /**
     * Reserves one failure of the address's budget and, when the user is known, of the (address, user)'s.
     * Empty: go ahead, then {@link #settle}. Otherwise nothing is reserved and the sign-in must be refused.
     */
    synchronized Optional<Refusal> reserve(String source, String user) {
        Instant now = clock.instant();
        Bucket bySource = bucket(sources, source, perSource, now);
        Bucket byUser = user == null ? null : bucket(users, pair(source, user), perUser, now);
        Duration wait = max(bySource.waitFor(perSource), byUser == null ? Duration.ZERO : byUser.waitFor(perUser));
        if (!wait.isZero()) {
            refusals.add(now);
            // the budget that refuses keeps the log's pace: a guesser trying many names from one address is one line a minute
            Bucket logged = byUser == null || bySource.tokens < 1 ? bySource : byUser;
            return Optional.of(logged.refused(now, wait));
        }
        bySource.tokens -= 1;
        if (byUser != null) {
            byUser.tokens -= 1;
        }
        return Optional.empty();
    }

    /** A reserved sign-in was answered: a failure keeps its reservation, anything else gives it back. */
    synchronized void settle(String source, String user, boolean failed) {
        Instant now = clock.instant();
        if (failed) {
            failures.add(now);
            return;
        }
        bucket(sources, source, perSource, now).giveBack(perSource);
        if (user != null) {
            bucket(users, pair(source, user), perUser, now).giveBack(perUser);
        }
    }

    /** A sign-in that passed unreserved (its credentials were known good) failed all the same: it is spent now. */
    synchronized void failedUnreserved(String source, String user) {
        Instant now = clock.instant();
        failures.add(now);
        bucket(sources, source, perSource, now).spend();
        if (user != null) {
            bucket(users, pair(source, user), perUser, now).spend();
        }
    }

    /** What the health endpoint shows: addresses and (address, user) pairs refused right now, recent failures and refusals. */
    synchronized Map<String, Object> counts() {
        Instant now = clock.instant();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("throttledSources", throttled(sources, perSource, now));
        counts.put("throttledUsers", throttled(users, perUser, now));
        counts.put("trackedSources", sources.size());
        counts.put("failedSignIns", failures.total(now));
        counts.put("refusedSignIns", refusals.total(now));
        counts.put("lastMinutes", failures.window.toMinutes());
        return counts;
    }

    private static long throttled(Map<String, Bucket> buckets, SignInProperties.Budget budget, Instant now) {
        return buckets.values().stream().filter(bucket -> {
            bucket.refill(budget, now);
            return bucket.tokens < 1;
        }).count();
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, SignInProperties.Budget budget, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(budget.failures(), now));
        bucket.refill(budget, now);
        return bucket;
    }

    /**
     * NUL cannot be part of an address; the user is lower-cased so case variants share one budget, and cut short so
     * ten thousand remembered pairs stay small whatever length of name a stranger sends.
     */
    private static String pair(String source, String user) {
        String shortened = user.length() > MAX_USER_CHARS ? user.substring(0, MAX_USER_CHARS) : user;
        return source + '\0' + shortened.toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, Bucket> leastRecentlySeenForgotten(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > capacity;
            }
        };
    }

    private static final class Bucket {

        private double tokens;
        private Instant updated;
        private Instant lastLogged;
        private long unlogged;

        Bucket(int failures, Instant now) {
            this.tokens = failures;
            this.updated = now;
        }

        void refill(SignInProperties.Budget budget, Instant now) {
            if (now.isAfter(updated)) {
                double refilled = (double) Duration.between(updated, now).toNanos() / budget.refillEvery().toNanos();
                tokens = Math.min(budget.failures(), tokens + refilled);
                updated = now;
            }
        }

        Duration waitFor(SignInProperties.Budget budget) {
            return tokens >= 1 ? Duration.ZERO
                    : Duration.ofNanos((long) Math.ceil((1 - tokens) * budget.refillEvery().toNanos()));
        }

        void giveBack(SignInProperties.Budget budget) {
            tokens = Math.min(budget.failures(), tokens + 1);
        }

        void spend() {
            tokens = Math.max(0, tokens - 1);
        }

        Refusal refused(Instant now, Duration wait) {
            if (lastLogged == null || !now.isBefore(lastLogged.plus(LOG_EVERY))) {
                Refusal refusal = new Refusal(wait, true, unlogged);
                lastLogged = now;
                unlogged = 0;
                return refusal;
            }
            unlogged++;
            return new Refusal(wait, false, 0);
        }
    }

    /** Events per minute over a sliding window of whole minutes. */
    private static final class RecentCounts {

        private final Duration window;
        private final long[] minutes;
        private final long[] counts;

        RecentCounts(Duration window) {
            this.window = window;
            int size = (int) Math.max(1, window.toMinutes());
            this.minutes = new long[size];
            this.counts = new long[size];
        }

        void add(Instant now) {
            long minute = now.getEpochSecond() / 60;
            int slot = (int) Math.floorMod(minute, (long) minutes.length);
            if (minutes[slot] != minute) {
                minutes[slot] = minute;
                counts[slot] = 0;
            }
            counts[slot]++;
        }

        long total(Instant now) {
            long minute = now.getEpochSecond() / 60;
            long total = 0;
            for (int slot = 0; slot < minutes.length; slot++) {
                if (minute - minutes[slot] < minutes.length) {
                    total += counts[slot];
                }
            }
            return total;
        }
    }
}
