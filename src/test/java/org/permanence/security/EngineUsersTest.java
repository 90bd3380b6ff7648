package org.permanence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.MovingClock;
import org.permanence.people.SignedInUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The Basic check reused for a short while: only the very credentials the engine accepted, never a guess. */
@Tag("unit")
class EngineUsersTest {

    private static final String WORKER = "permanence-worker";
    private static final String RIGHT = "worker-Secret-1";

    private final MovingClock clock = new MovingClock();
    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

    @BeforeEach
    void engineKnowsTheWorker() {
        when(identity.checkPassword(anyString(), anyString())).thenAnswer(call -> WORKER.equals(call.getArgument(0))
                && RIGHT.equals(call.getArgument(1)));
        Group workers = mock(Group.class);
        when(workers.getId()).thenReturn("workers");
        when(identity.createGroupQuery().groupMember(WORKER).list()).thenReturn(List.of(workers));
        when(identity.createTenantQuery().userMember(WORKER).includingGroupsOfUser(true).list()).thenReturn(List.of());
    }

    @Test
    void aPasswordTheEngineAcceptedIsCheckedAgainOnlyOnceItsTimeIsUp() {
        EngineUsers users = users(Duration.ofSeconds(30));

        assertThat(signIn(users, WORKER, RIGHT)).isEqualTo(new SignedInUser(WORKER, List.of("workers"), List.of()));
        clock.move(Duration.ofSeconds(29));
        assertThat(signIn(users, WORKER, RIGHT).groups()).containsExactly("workers");
        verify(identity, times(1)).checkPassword(WORKER, RIGHT);

        // reusing it does not prolong it: 30 s after the engine's check, the engine checks again
        clock.move(Duration.ofSeconds(1));
        signIn(users, WORKER, RIGHT);
        verify(identity, times(2)).checkPassword(WORKER, RIGHT);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedByTheEngineAndNeverRemembered() {
        EngineUsers users = users(Duration.ofSeconds(30));
        signIn(users, WORKER, RIGHT);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn(users, WORKER, RIGHT + "x")).isInstanceOf(BadCredentialsException.class);
        }
        verify(identity, times(3)).checkPassword(WORKER, RIGHT + "x");
        // the worker's right password with another user's name is another credential, checked and refused
        assertThatThrownBy(() -> signIn(users, "nadia", RIGHT)).isInstanceOf(BadCredentialsException.class);
        verify(identity, times(1)).checkPassword("nadia", RIGHT);
    }

    @Test
    void aChangedPasswordStopsWorkingOnceTheReuseIsOver() {
        EngineUsers users = users(Duration.ofSeconds(30));
        signIn(users, WORKER, RIGHT);
        when(identity.checkPassword(WORKER, RIGHT)).thenReturn(false);

        clock.move(Duration.ofSeconds(30));
        assertThatThrownBy(() -> signIn(users, WORKER, RIGHT)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void zeroChecksEveryRequestAndTheMemoryIsBounded() {
        EngineUsers everyTime = users(Duration.ZERO);
        signIn(everyTime, WORKER, RIGHT);
        signIn(everyTime, WORKER, RIGHT);
        verify(identity, times(2)).checkPassword(WORKER, RIGHT);

        RecentPasswordChecks two = new RecentPasswordChecks(Duration.ofSeconds(30), 2, clock);
        SignedInUser someone = new SignedInUser("someone", List.of(), List.of());
        two.passed(two.fingerprint("a", "1"), someone);
        two.passed(two.fingerprint("b", "1"), someone);
        two.passed(two.fingerprint("c", "1"), someone);
        assertThat(two.recent(two.fingerprint("a", "1"))).as("the least recently used of three, with room for two").isEmpty();
        assertThat(two.recent(two.fingerprint("c", "1"))).hasValue(someone);
        // a hyphen is never part of Base64: the password cannot be in the fingerprint by chance
        assertThat(two.fingerprint("a", "secret-word")).doesNotContain("secret-word").isNotEqualTo(
                new RecentPasswordChecks(Duration.ofSeconds(30), 2, clock).fingerprint("a", "secret-word"));
    }

    private EngineUsers users(Duration reusedFor) {
        return new EngineUsers(identity, new RecentPasswordChecks(reusedFor, 100, clock));
    }

    private static SignedInUser signIn(EngineUsers users, String user, String password) {
        Authentication signedIn = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        return ((OfficeAuthentication) signedIn).getPrincipal();
    }
}
