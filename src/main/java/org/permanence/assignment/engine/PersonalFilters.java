package org.permanence.assignment.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.permanence.assignment.AssignmentProperties;
import org.permanence.assignment.PresencePageOpened;
import org.permanence.people.Groups;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each secretary's own Tasklist filters, owned by her: urgent work, what is due today, her tasks and the
 * team queue, each sorted by due date, then priority. Made for every secretary once the node is ready
 * (after the demo office), and for a newcomer when she first opens her status page.
 */
@Component
@EngineNode
public class PersonalFilters {

    static final String URGENT = "Urgent";
    static final String DUE_TODAY = "À faire aujourd'hui";
    static final String MINE = "Mes tâches par échéance";
    static final String TEAM_QUEUE = "File de l'équipe";

    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityService identity;
    private final AssignmentProperties assignment;

    PersonalFilters(FilterService filters, TaskService tasks, IdentityService identity, AssignmentProperties assignment) {
        this.filters = filters;
        this.tasks = tasks;
        this.identity = identity;
        this.assignment = assignment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void forEverySecretary() {
        AsTheOffice.run(identity, () -> identity.createUserQuery().memberOfGroup(Groups.SECRETARIES).list()).stream().map(User::getId).forEach(this::forSecretary);
    }

    @EventListener
    void forNewcomer(PresencePageOpened opened) {
        forSecretary(opened.userId());
    }

    /** Makes the filters she lacks; those she has, perhaps changed by her in Tasklist, are left alone. */
    public void forSecretary(String userId) {
        Map<String, TaskQuery> wanted = new LinkedHashMap<>();
        wanted.put(URGENT, tasks.createTaskQuery().taskMinPriority(assignment.urgentPriority()));
        wanted.put(DUE_TODAY, tasks.createTaskQuery().dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}"));
        wanted.put(MINE, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        wanted.put(TEAM_QUEUE, tasks.createTaskQuery().taskCandidateGroup(Groups.SECRETARIES));
        // after the shared filters: Tasklist opens the first one, "Tâches de mes clients"
        int order = 1;
        for (Map.Entry<String, TaskQuery> filter : wanted.entrySet()) {
            int priority = order++;
            AsTheOffice.run(identity, () -> {
                if (filters.createFilterQuery().filterName(filter.getKey()).filterOwner(userId).count() == 0) {
                    TaskQuery sorted = filter.getValue().orderByDueDate().asc().orderByTaskPriority().desc();
                    Filter made = filters.newTaskFilter(filter.getKey()).setOwner(userId).setQuery(sorted)
                            .setProperties(Map.of("priority", priority, "refresh", true, "description", filter.getKey()));
                    filters.saveFilter(made);
                }
                return null;
            });
        }
    }
}
