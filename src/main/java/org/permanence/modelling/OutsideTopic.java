package org.permanence.modelling;

import java.time.Instant;

/**
 * An external-task topic served by a worker outside this jar, and who serves it. Declared in the
 * configuration ({@code permanence.outside-workers.topics}: no description, nobody named) or by a manager
 * through the API.
 */
record OutsideTopic(String topic, String servedBy, DeclaredIn declaredIn, String declaredBy, Instant declaredAt) {

    enum DeclaredIn { CONFIGURATION, OFFICE }
}
