package org.permanence.people;

/** The Camunda groups Permanence relies on. */
public final class Groups {

    /** Answer calls and work the task queues of the clients (tenants) they are members of. */
    public static final String SECRETARIES = "secretaries";
    /** Run the office: all clients, Cockpit, Admin, deployments. Configured as engine admin group. */
    public static final String MANAGERS = "managers";
    /**
     * Camunda's own administrators: the account made on Camunda Admin's first-start page joins it. That
     * page stays open to anyone while the group is empty, so the demo manager is made a member.
     */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Service accounts of the external-task workers: fetch and complete external tasks, nothing else. */
    public static final String WORKERS = "workers";
    /** Watch the office: health details and Prometheus metrics (a monitoring system's account), nothing else. */
    public static final String METRICS = "metrics";
    /**
     * A client's own people (the doctor, the lawyer, her assistant), each a member of that one client's tenant: the
     * client portal (/portail) and nothing else.
     */
    public static final String CLIENT_USERS = "client-users";

    private Groups() {
    }
}
