package org.permanence.migration;

import java.util.List;

/**
 * What moving a process's running instances to its newest version would do, version by version:
 * how many run there, how many can move, and each one that cannot with its reasons.
 */
public record MigrationPreview(String processKey, String processName, int newestVersion, String newestDefinitionId,
                               List<VersionPreview> versions) {

    /** How many cases would move, over every older version. */
    public long casesMoving() {
        return versions.stream().mapToLong(VersionPreview::canMove).sum();
    }

    /** How many cases would stay where they are, over every older version. */
    public long casesStaying() {
        return versions.stream().mapToLong(version -> version.running() - version.canMove()).sum();
    }

    /** The instances running on one older version. {@code planProblems}: why no instance of it can move at all. */
    public record VersionPreview(int version, String definitionId, long running, long canMove, List<String> planProblems,
                                 List<StuckInstance> cannotMove) {
    }

    /** An instance that cannot move (or did not), with what it runs for and why. */
    public record StuckInstance(String processInstanceId, String businessKey, String clientId, List<String> reasons) {
    }
}
