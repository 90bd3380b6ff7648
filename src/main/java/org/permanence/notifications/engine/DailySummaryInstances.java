package org.permanence.notifications.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.ClientSettingsSaved;
import org.permanence.engine.TenantOfDialledLine;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one daily-summary.bpmn instance per client whose contact rules say DAILY_SUMMARY, business
 * key {@code daily-summary:<clientId>}. When a client's settings are saved, a missing instance is
 * started, and a running one is told (message {@value #SETTINGS_CHANGED}) to work out its next time
 * again from the saved settings, or to send what waits and stop when the client no longer wants a
 * summary. (A schedule changed in the very seconds a summary falls due, before its timer has fired,
 * moves that summary to the next due time: its messages wait for it, none is lost.) At start-up every client is checked: a missing instance is started, one the client no
 * longer wants is told to stop. The others are left waiting: a summary whose time passed while the
 * office was down is then sent as soon as the engine's timer fires, instead of being moved on.
 */
@Component
@EngineNode
class DailySummaryInstances {

    private static final Logger log = LoggerFactory.getLogger(DailySummaryInstances.class);
    static final String PROCESS = "daily-summary";
    static final String SETTINGS_CHANGED = "DailySummarySettingsChanged";

    private final RuntimeService runtime;
    private final ClientRepository clients;
    private final IdentityService identity;

    DailySummaryInstances(RuntimeService runtime, ClientRepository clients, IdentityService identity) {
        this.runtime = runtime;
        this.clients = clients;
        this.identity = identity;
    }

    /**
     * In the transaction that saved the settings: a client saved without its summary schedule is rolled
     * back. A save that leaves the schedule as it was (a briefing, a line) does not disturb a waiting summary.
     */
    @EventListener
    void settingsSaved(ClientSettingsSaved saved) {
        // the office keeps the summaries, not the person who saved the settings: she may not start a summary herself
        AsTheOffice.run(identity, () -> {
            follow(saved.client(), saved.summaryScheduleChanged());
            return null;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAllAtStartUp() {
        clients.findAll().forEach(client -> follow(client, false));
    }

    private void follow(Client client, boolean settingsChanged) {
        boolean wanted = client.contactRules().messages() == MessageDelivery.DAILY_SUMMARY;
        Optional<ProcessInstance> running = theOneRunning(client.id());
        if (running.isEmpty() && wanted) {
            // the clientId variable puts the instance in the client's tenant (TenantOfDialledLine)
            runtime.createProcessInstanceByKey(PROCESS).businessKey(businessKey(client.id()))
                    .setVariable(TenantOfDialledLine.CLIENT_ID, client.id()).execute();
        } else if (running.isPresent() && (settingsChanged || !wanted)) {
            // an instance that is not waiting right now reads the settings anew anyway: nothing to tell it then
            runtime.createMessageCorrelation(SETTINGS_CHANGED).processInstanceId(running.get().getId()).correlateAll();
        }
    }

    /** The client's running instance; should two engine nodes starting at once each have started one, all keep the first by id. */
    private Optional<ProcessInstance> theOneRunning(String clientId) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(businessKey(clientId)).orderByProcessInstanceId().asc().list();
        for (ProcessInstance extra : running.stream().skip(1).toList()) {
            log.warn("Client {} had more than one daily summary; ending {} and keeping {}", clientId, extra.getId(),
                    running.get(0).getId());
            runtime.deleteProcessInstance(extra.getId(), "duplicate daily summary of client " + clientId);
        }
        return running.stream().findFirst();
    }

    static String businessKey(String clientId) {
        return PROCESS + ":" + clientId;
    }
}
