package org.permanence.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The migrations were renumbered 1, 2, 3… before the first release (features built side by side had taken
 * numbers out of order). A database migrated under the old numbers has them in its history, which Flyway
 * would refuse as scripts it no longer has: before Flyway validates, those rows take their new number and
 * name. The scripts themselves did not change, so their checksums still hold. Nothing is run again.
 */
@Component
class RenumberedMigrations implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RenumberedMigrations.class);
    private static final String HISTORY = "permanence_schema_history";
    /** Old script name → new version; the new script name is the old one with its new number. */
    private static final Map<String, Integer> NEW_VERSION_OF = Map.ofEntries(
            Map.entry("V10__appointments.sql", 5), Map.entry("V11__signed_links.sql", 6),
            Map.entry("V12__appointment_confirmation.sql", 7), Map.entry("V20__secretary_status.sql", 8),
            Map.entry("V21__call_handled_by.sql", 9), Map.entry("V22__working_hours_and_task_times.sql", 10),
            Map.entry("V30__mail_templates.sql", 11), Map.entry("V31__letterhead.sql", 12),
            Map.entry("V32__mail_drafting.sql", 13), Map.entry("V40__documents.sql", 14),
            Map.entry("V41__document_mail.sql", 15), Map.entry("V60__dashboard_indexes.sql", 16),
            Map.entry("V61__dashboard_documents_index.sql", 17));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!historyExists(connection)) {
                return;
            }
            int renumbered = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "update \"" + HISTORY + "\" set \"version\" = ?, \"script\" = ? where \"script\" = ?")) {
                for (Map.Entry<String, Integer> script : NEW_VERSION_OF.entrySet()) {
                    update.setString(1, Integer.toString(script.getValue()));
                    update.setString(2, script.getKey().replaceFirst("^V\\d+__", "V" + script.getValue() + "__"));
                    update.setString(3, script.getKey());
                    renumbered += update.executeUpdate();
                }
            }
            if (renumbered > 0) {
                log.info("Renumbered {} applied migrations to their new versions (the scripts are unchanged)", renumbered);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renumber the applied migrations in " + HISTORY, e);
        }
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        for (String name : new String[] {HISTORY, HISTORY.toUpperCase()}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String getCallbackName() {
        return "renumbered-migrations";
    }
}
