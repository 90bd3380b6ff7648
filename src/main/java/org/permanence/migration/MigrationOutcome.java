package org.permanence.migration;

import java.util.List;

import org.permanence.migration.MigrationPreview.StuckInstance;

/**
 * What a migration did: moved at once ({@code moved}, {@code notMoved} with reasons), or handed to an
 * engine batch ({@code batchId}, {@code inBatch} instances; its failures show in Cockpit as incidents).
 */
public record MigrationOutcome(int newestVersion, List<String> moved, List<StuckInstance> notMoved, String batchId, int inBatch) {
}
