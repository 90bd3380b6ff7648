package org.permanence.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.OfficeIntegrationTest;
import org.permanence.RingingCalls;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proposals on the shared node, through the pages as the secretaries and managers send them: once applied, the next
 * call's briefing card reads the new instruction; a secretary proposes only for clients she serves and never decides.
 */
@OfficeIntegrationTest
class ProposalsTest {

    private static final SignedInUser NADIA = new SignedInUser("nadia", List.of("managers"), List.of());

    @Autowired
    Clients clients;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService tasks;
    @RegisterExtension
    final RingingCalls ringing = new RingingCalls();

    @Test
    void anAppliedProposalIsOnTheNextCallsBriefingCardAndSheReadsTheAnswer() {
        Client client = clients.create(TestClients.client("proposals", "fr", Client.MessageDelivery.IMMEDIATELY, null), List.of("claire"));
        String line = client.phoneLines().get(0).number();
        assertThat(briefingOfACallOn(line, "briefingUrgentWhen")).isEqualTo("Jamais");

        HttpResponse<String> proposed = post("claire", "/presence/proposals", "client=" + client.id() + "&subject=URGENT_WHEN"
                + "&proposed=" + encoded("Fuite d'eau ou odeur de gaz") + "&reason=" + encoded("Trois appels hier pour une fuite"));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);
        Proposal waiting = proposalOf(client);
        assertThat(waiting.state()).isEqualTo(Proposal.State.PENDING);
        assertThat(waiting.before()).isEqualTo("Jamais");
        assertThat(briefingOfACallOn(line, "briefingUrgentWhen")).as("nothing changes before a manager applies it").isEqualTo("Jamais");

        String review = get("nadia", "/manage/proposals");
        assertThat(review).contains(waiting.id(), client.name(), "Jamais", "Fuite d&#39;eau ou odeur de gaz", "Trois appels hier pour une fuite");
        HttpResponse<String> applied = post("nadia", "/manage/proposals/" + waiting.id() + "/apply", "answer=" + encoded("Bien vu, merci Claire"));
        assertThat(applied.statusCode()).isEqualTo(302);

        assertThat(briefingOfACallOn(line, "briefingUrgentWhen")).isEqualTo("Fuite d'eau ou odeur de gaz");
        Proposal decided = proposalOf(client);
        assertThat(decided.state()).isEqualTo(Proposal.State.APPLIED);
        assertThat(decided.decidedBy()).isEqualTo("nadia");
        assertThat(get("claire", "/presence/proposals")).contains(waiting.id(), "data-state=\"APPLIED\"", "Bien vu, merci Claire", "par nadia");
        assertThat(get("nadia", "/manage/proposals")).as("kept in the history").contains("data-state=\"APPLIED\"", "Proposé par claire");
    }

    @Test
    void aSecretaryProposesOnlyForHerClientsAndNeverDecides() {
        Client sophies = clients.create(TestClients.client("not-claires", "fr", Client.MessageDelivery.IMMEDIATELY, null), List.of("sophie"));
        String form = "client=" + sophies.id() + "&subject=GREETING&proposed=" + encoded("Bonjour, cabinet") + "&reason=" + encoded("plus clair");

        assertThat(post("claire", "/presence/proposals", form).statusCode()).as("answered as a client that does not exist").isEqualTo(404);
        assertThat(get("claire", "/presence/proposals?client=" + sophies.id(), 404)).doesNotContain("Bonjour");
        assertThat(proposals.pending(NADIA)).noneMatch(proposal -> proposal.clientId().equals(sophies.id()));

        assertThat(post("sophie", "/presence/proposals", form).statusCode()).isEqualTo(302);
        Proposal hers = proposalOf(sophies);
        assertThat(post("claire", "/manage/proposals/" + hers.id() + "/apply", "answer=ok").statusCode()).isEqualTo(403);
        assertThat(post("sophie", "/manage/proposals/" + hers.id() + "/apply", "answer=ok").statusCode()).as("not even her own").isEqualTo(403);
        assertThat(post("sophie", "/manage/proposals/" + hers.id() + "/decline", "").statusCode()).isEqualTo(403);
        assertThat(proposalOf(sophies).state()).isEqualTo(Proposal.State.PENDING);
        assertThat(clients.get(NADIA, sophies.id()).briefing().greeting()).isEqualTo("Bonjour");

        assertThat(post("nadia", "/manage/proposals/" + hers.id() + "/decline", "answer=" + encoded("Le client tient à sa formule")).statusCode())
                .isEqualTo(302);
        assertThat(proposalOf(sophies).state()).isEqualTo(Proposal.State.DECLINED);
        assertThat(clients.get(NADIA, sophies.id()).briefing().greeting()).isEqualTo("Bonjour");
    }

    @Test
    void aProposalOnASettingChangedSinceIsNotAppliedOverIt() {
        Client client = clients.create(TestClients.client("stale", "fr", Client.MessageDelivery.IMMEDIATELY, null), List.of("claire"));
        String first = "client=" + client.id() + "&subject=CALL_BACK_WITHIN&proposed=30&reason=" + encoded("ils rappellent vite");
        String second = "client=" + client.id() + "&subject=CALL_BACK_WITHIN&proposed=90&reason=" + encoded("le cabinet est débordé");
        post("claire", "/presence/proposals", first);
        post("claire", "/presence/proposals", second);
        List<Proposal> both = proposals.pending(NADIA).stream().filter(proposal -> proposal.clientId().equals(client.id())).toList();
        assertThat(both).extracting(Proposal::proposed).containsExactly("30", "90");

        post("nadia", "/manage/proposals/" + both.get(0).id() + "/apply", "");
        post("nadia", "/manage/proposals/" + both.get(1).id() + "/apply", "");

        assertThat(clients.get(NADIA, client.id()).contactRules().callBackWithinMinutes()).isEqualTo(30);
        assertThat(proposals.pending(NADIA)).extracting(Proposal::id).contains(both.get(1).id());
    }

    /** The value the briefing card of a new call on this line shows. */
    private Object briefingOfACallOn(String line, String variable) {
        Task handle = ringing.ring(line);
        return tasks.getVariable(handle.getId(), variable);
    }

    private Proposal proposalOf(Client client) {
        return proposals.pending(NADIA).stream().filter(proposal -> proposal.clientId().equals(client.id())).findFirst()
                .or(() -> proposals.decided(NADIA).stream().filter(proposal -> proposal.clientId().equals(client.id())).findFirst())
                .orElseThrow();
    }

    private static String get(String user, String path) {
        return get(user, path, 200);
    }

    private static String get(String user, String path, int status) {
        HttpResponse<String> page = TestOffice.call("GET", SharedNode.baseUrl() + path, user, DEMO_PASSWORD, null);
        assertThat(page.statusCode()).as(path + " as " + user).isEqualTo(status);
        return page.body();
    }

    private static HttpResponse<String> post(String user, String path, String form) {
        return TestOffice.post(SharedNode.baseUrl() + path, "application/x-www-form-urlencoded", form, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "Accept-Language", "fr-FR");
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
