package org.permanence.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * When to offer a secretary a break. Right after an angry or distressed caller she is offered a
 * protected one; after {@code breakAfterDifficultCalls} such callers or {@code breakAfterMinutes}
 * at work since her last break, the office suggests one.
 */
@Component
public class BreakAdvice {

    /** Why a break is suggested, with the figures she is shown. */
    public enum Reason { DIFFICULT_CALLS, LONG_STRETCH }

    public record Suggestion(Reason reason, int difficultCalls, long minutesWithoutBreak) {
    }

    private final SecretaryDayProperties day;

    public BreakAdvice(SecretaryDayProperties day) {
        this.day = day;
    }

    /** Her last call (moods newest first, since her last break) was difficult: she may take a protected break now. */
    public boolean offersProtectedBreak(List<String> moodsSinceBreak) {
        return !moodsSinceBreak.isEmpty() && AssignmentPolicy.DIFFICULT_MOODS.contains(moodsSinceBreak.get(0));
    }

    /**
     * A break is due: too many difficult calls since her last break, or too long at work without one
     * ({@code workingSince}: her last break, else the start of her working day; empty: unknown, and no suggestion on time).
     */
    public Optional<Suggestion> suggestion(List<String> moodsSinceBreak, Optional<Instant> workingSince, Instant now) {
        int difficult = (int) moodsSinceBreak.stream().filter(AssignmentPolicy.DIFFICULT_MOODS::contains).count();
        long minutes = workingSince.map(since -> Duration.between(since, now).toMinutes()).orElse(0L);
        if (difficult >= day.breakAfterDifficultCalls()) {
            return Optional.of(new Suggestion(Reason.DIFFICULT_CALLS, difficult, minutes));
        }
        if (minutes >= day.breakAfterMinutes()) {
            return Optional.of(new Suggestion(Reason.LONG_STRETCH, difficult, minutes));
        }
        return Optional.empty();
    }
}
