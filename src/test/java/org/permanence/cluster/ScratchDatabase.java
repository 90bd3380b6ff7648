package org.permanence.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * An empty PostgreSQL database of its own for one run, on the server the build runs against
 * ({@code -Ppostgres}), dropped at the end: a cluster starts on an empty database the way a new
 * installation does, and counts what it did without other tests' rows.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private ScratchDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** The build's database URL, or null when the build runs on the embedded H2 database. */
    public static String buildDatabaseUrl() {
        String url = System.getProperty("spring.datasource.url");
        return url != null && url.startsWith("jdbc:postgresql://") ? url : null;
    }

    /** Creates {@code <prefix>_<random>} on the server of the build's database (PostgreSQL only). */
    public static ScratchDatabase create(String prefix) throws SQLException {
        String buildUrl = buildDatabaseUrl();
        if (buildUrl == null) {
            throw new IllegalStateException("A scratch database needs the postgres profile (mvn verify -Ppostgres)");
        }
        String server = buildUrl.substring(0, buildUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
        return create(server, System.getProperty("spring.datasource.username", "postgres"),
                System.getProperty("spring.datasource.password", ""), prefix);
    }

    /** Creates {@code <prefix>_<random>} on this server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}. */
    public static ScratchDatabase create(String serverUrl, String user, String password, String prefix) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(serverUrl, user, password,
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        database.onServer("create database " + database.name);
        return database;
    }

    public String url() {
        return serverUrl + name;
    }

    /** The datasource settings a node needs for this database. */
    public Map<String, Object> nodeSettings() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", user, "spring.datasource.password", password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public void close() throws SQLException {
        onServer("drop database if exists " + name + " with (force)");
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
