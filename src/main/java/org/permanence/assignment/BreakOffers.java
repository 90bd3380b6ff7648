package org.permanence.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.permanence.calls.CallRecords;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.stereotype.Component;

/** What the office offers a secretary now: a protected break after a difficult call, a break it suggests, and their lengths. */
@Component
public class BreakOffers {

    /** {@code protectedBreak}: her last call was difficult; {@code minutes}: the lengths she may pick. */
    public record Offer(boolean protectedBreak, List<Integer> minutes, BreakAdvice.Suggestion suggestion) {
    }

    private final SecretaryStatuses statuses;
    private final CallRecords calls;
    private final BreakAdvice advice;
    private final SecretaryDayProperties day;
    private final Clock clock = Clock.systemUTC();

    BreakOffers(SecretaryStatuses statuses, CallRecords calls, BreakAdvice advice, SecretaryDayProperties day) {
        this.statuses = statuses;
        this.calls = calls;
        this.advice = advice;
        this.day = day;
    }

    public Offer of(String userId) {
        Instant now = clock.instant();
        if (statuses.of(userId).status() == Status.BREAK) {
            return new Offer(false, day.protectedBreakMinutes(), null);
        }
        Optional<Instant> workingSince = statuses.lastBreakOf(userId).or(() -> statuses.hoursOf(userId).startOfDay(now, day.timeZone()));
        // never a break and no hours: her calls of today count, but not the time
        Instant callsSince = workingSince.orElseGet(() -> LocalDate.ofInstant(now, day.timeZone()).atStartOfDay(day.timeZone()).toInstant());
        List<String> moods = calls.moodsHandledBySince(userId, callsSince);
        return new Offer(advice.offersProtectedBreak(moods), day.protectedBreakMinutes(),
                advice.suggestion(moods, workingSince, now).orElse(null));
    }

    /** Takes the protected break she was offered, for one of the offered lengths. */
    public SecretaryStatus takeProtectedBreak(String userId, int minutes) {
        if (!of(userId).protectedBreak()) {
            throw new InvalidRequest(List.of(FieldProblem.of("status", "protectedBreak.notOwed",
                    "a protected break follows an angry or distressed caller, and none came since your last break: take an ordinary break")));
        }
        if (!day.protectedBreakMinutes().contains(minutes)) {
            throw new InvalidRequest(List.of(FieldProblem.of("minutes", "protectedBreak.minutes",
                    "a protected break lasts one of " + day.protectedBreakMinutes() + " minutes", day.protectedBreakMinutes().toString())));
        }
        return statuses.takeProtectedBreak(userId, minutes);
    }
}
