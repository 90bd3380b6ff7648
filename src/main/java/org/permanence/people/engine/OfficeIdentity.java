package org.permanence.people.engine;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.permanence.people.Groups;
import org.permanence.people.ServiceAccount;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The groups, rights and service account every installation needs, made idempotently at start-up
 * (before the workers open their subscriptions):
 * secretaries use Tasklist and start the processes started by hand, tasks reach them through candidate groups and tenants;
 * managers are engine administrators; workers may fetch and complete external tasks, nothing else.
 */
@Component
@EngineNode
public class OfficeIdentity implements InitializingBean {

    static final String TEAM_FILTER = "Tâches de mes clients";
    static final String MY_FILTER = "Mes tâches";
    /**
     * The processes a secretary starts by hand, from their start form in Tasklist (*Noter un appel*, *Écrire un
     * mail*); every other process is marked {@code camunda:isStartableInTasklist="false"} and started by the office.
     */
    public static final List<String> STARTED_BY_HAND = List.of("call-intake", "mail-drafting");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ServiceAccount serviceAccount;

    OfficeIdentity(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
                   ServiceAccount serviceAccount) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.serviceAccount = serviceAccount;
    }

    @Override
    public void afterPropertiesSet() {
        group(Groups.SECRETARIES, "Secrétaires");
        group(Groups.MANAGERS, "Responsables");
        group(Groups.WORKERS, "Comptes de service des workers");
        group(Groups.METRICS, "Supervision");
        grant(Groups.SECRETARIES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.SECRETARIES, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        // installations made before only the processes started by hand could be started by secretaries
        revoke(Groups.SECRETARIES, Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
        STARTED_BY_HAND.forEach(process -> grant(Groups.SECRETARIES, Resources.PROCESS_DEFINITION, process, Permissions.CREATE_INSTANCE));
        grant(Groups.SECRETARIES, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // admin groups skip tenant checks, but queries still need grants: the same ones camunda-admin gets
        for (Resources resource : Resources.values()) {
            grant(Groups.MANAGERS, resource, "*", Permissions.ALL);
        }
        grant(Groups.WORKERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        taskFilter(TEAM_FILTER, -10, tasks.createTaskQuery());
        taskFilter(MY_FILTER, -5, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        serviceAccount();
    }

    /** Creates the user, or changes the password of an existing one, and makes her a member of these groups. */
    public void user(String id, String firstName, String lastName, String email, String password, List<String> groups) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        groups.forEach(group -> member(id, group));
    }

    public void addToGroup(String userId, String groupId, String groupName) {
        group(groupId, groupName);
        member(userId, groupId);
    }

    private void member(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    public boolean userExists(String id) {
        return identity.createUserQuery().userId(id).count() > 0;
    }

    private void serviceAccount() {
        user(serviceAccount.user(), "Permanence", "workers", null, serviceAccount.password(), List.of(Groups.WORKERS));
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null && Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            // every start checks the office's grants: a write (and its commit) only for what is missing
            return;
        }
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void taskFilter(String name, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(Map.of("priority", priority, "refresh", true, "description", name));
            filters.saveFilter(filter);
        }
        grant(Groups.SECRETARIES, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    public static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
