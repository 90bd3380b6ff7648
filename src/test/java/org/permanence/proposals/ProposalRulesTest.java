package org.permanence.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.system.FieldProblem;

/** What a proposal must be to reach a manager, and to be applied; each subject writes only its own setting. */
@Tag("unit")
class ProposalRulesTest {

    private static final Client PLUMBER = TestClients.client("rules", "fr", Client.MessageDelivery.DAILY_SUMMARY, LocalTime.of(18, 0));

    @Test
    void aNewTextWithAReasonPasses() {
        assertThat(ProposalRules.check(Subject.URGENT_WHEN, "Jamais", "Fuite d'eau, plus de chauffage", "Trois appels de ce genre hier"))
                .isEmpty();
    }

    @Test
    void withoutAReasonOrAChangeItIsRefusedWithEveryProblemAtOnce() {
        assertThat(codes(ProposalRules.check(Subject.GREETING, "Bonjour", "Bonjour", "  ")))
                .containsExactly("proposal.value.unchanged", "proposal.reason.missing");
        assertThat(codes(ProposalRules.check(Subject.GREETING, "Bonjour", "Bonjour", null))).contains("proposal.reason.missing");
        assertThat(codes(ProposalRules.check(Subject.GREETING, "Bonjour", "Bonjour Madame", "x".repeat(1001))))
                .containsExactly("proposal.reason.tooLong");
    }

    @Test
    void aTextKeepsTheClientsOwnLimitsButNotesMayBeEmptied() {
        assertThat(codes(ProposalRules.check(Subject.PUT_THROUGH, "Personne", "", "plus personne"))).containsExactly("proposal.value.tooShort");
        assertThat(codes(ProposalRules.check(Subject.GREETING, "Bonjour", "x".repeat(1001), "trop court"))).containsExactly("proposal.value.tooLong");
        assertThat(codes(ProposalRules.check(Subject.URGENT_WHEN, "Jamais", "x".repeat(2000), "long"))).isEmpty();
        assertThat(ProposalRules.check(Subject.NOTES, "Le docteur est absent le mercredi", "", "il ne l'est plus")).isEmpty();
    }

    @Test
    void minutesAreANumberInTheClientsRange() {
        assertThat(ProposalRules.normalised(Subject.CALL_BACK_WITHIN, " 045 ")).isEqualTo("45");
        assertThat(ProposalRules.check(Subject.CALL_BACK_WITHIN, "60", "45", "ils rappellent avant")).isEmpty();
        assertThat(codes(ProposalRules.check(Subject.CALL_BACK_WITHIN, "60", "une heure", "x"))).containsExactly("proposal.minutes.notANumber");
        assertThat(codes(ProposalRules.check(Subject.CALL_BACK_WITHIN, "60", "4", "x"))).containsExactly("proposal.minutes.outOfRange");
        assertThat(codes(ProposalRules.check(Subject.URGENT_CONFIRM_WITHIN, "15", "1441", "x"))).containsExactly("proposal.minutes.outOfRange");
        assertThat(codes(ProposalRules.check(Subject.URGENT_CONFIRM_WITHIN, "15", "015", "x"))).as("compared once normalised")
                .doesNotContain("proposal.value.unchanged");
        assertThat(codes(ProposalRules.check(Subject.URGENT_CONFIRM_WITHIN, "15",
                ProposalRules.normalised(Subject.URGENT_CONFIRM_WITHIN, "015"), "x"))).containsExactly("proposal.value.unchanged");
    }

    @Test
    void eachSubjectWritesItsOwnSettingAndNothingElse() {
        for (Subject subject : Subject.values()) {
            String value = subject.inMinutes() ? "77" : "Nouvelle consigne pour " + subject;
            Client changed = subject.with(PLUMBER, value);
            assertThat(subject.valueIn(changed)).as(subject.name()).isEqualTo(value);
            for (Subject other : Subject.values()) {
                if (other != subject) {
                    assertThat(other.valueIn(changed)).as(subject + " leaves " + other).isEqualTo(other.valueIn(PLUMBER));
                }
            }
            assertThat(changed.contactRules().messages()).isEqualTo(PLUMBER.contactRules().messages());
            assertThat(changed.contactRules().dailySummaryAt()).isEqualTo(PLUMBER.contactRules().dailySummaryAt());
            assertThat(changed.phoneLines()).isEqualTo(PLUMBER.phoneLines());
        }
        assertThat(Subject.NOTES.with(PLUMBER, "").briefing().notes()).as("emptied notes are no notes").isNull();
    }

    @Test
    void onlyAWaitingProposalIsDecidedAndOnlyOnTheSettingItSaw() {
        Proposal waiting = proposal(Subject.GREETING, "Bonjour", Proposal.State.PENDING);
        assertThat(ProposalRules.checkDecision(waiting, PLUMBER, true, "Merci !")).isEmpty();

        Proposal stale = proposal(Subject.GREETING, "Bonjour, cabinet d'avant", Proposal.State.PENDING);
        assertThat(codes(ProposalRules.checkDecision(stale, PLUMBER, true, null))).as("applying would undo the change made since")
                .containsExactly("proposal.stale");
        assertThat(ProposalRules.checkDecision(stale, PLUMBER, false, "Déjà changé")).as("declined, it changes nothing").isEmpty();

        Proposal applied = proposal(Subject.GREETING, "Bonjour", Proposal.State.APPLIED);
        assertThat(codes(ProposalRules.checkDecision(applied, PLUMBER, true, null))).containsExactly("proposal.alreadyDecided");
        assertThat(codes(ProposalRules.checkDecision(applied, PLUMBER, false, null))).containsExactly("proposal.alreadyDecided");
        assertThat(codes(ProposalRules.checkDecision(waiting, PLUMBER, false, "x".repeat(1001)))).containsExactly("proposal.answer.tooLong");
    }

    private static Proposal proposal(Subject subject, String before, Proposal.State state) {
        return new Proposal("p-1", PLUMBER.id(), subject, before, "Bonjour, Plomberie Leroy", "plus chaleureux", "claire",
                Instant.parse("2026-12-07T09:00:00Z"), state, state == Proposal.State.PENDING ? null : "nadia", null, null);
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::code).toList();
    }
}
