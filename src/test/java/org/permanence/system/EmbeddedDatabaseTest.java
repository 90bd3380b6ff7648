package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded database as an attacker on this machine or its network finds it: its TCP port, its
 * lock file, the {@code sa} account with the empty password that used to open it. Not in the PostgreSQL
 * pass, whose node has no embedded database.
 */
@OfficeIntegrationTest
@DisabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*")
class EmbeddedDatabaseTest {

    private static final Path DATA = Path.of((String) SharedNode.PROPERTIES.get("permanence.data-dir"));
    private static final String URL = "jdbc:h2:file:" + DATA.resolve("db/permanence") + ";AUTO_SERVER=TRUE";

    @Test
    void theDataFolderAndThePasswordAreTheOwnersOnly() throws IOException {
        assertThat(mode(DATA)).isEqualTo("rwx------");
        assertThat(mode(DATA.resolve("db"))).isEqualTo("rwx------");
        Path password = DATA.resolve("db").resolve(EmbeddedDatabaseAccess.PASSWORD_FILE);
        assertThat(mode(password)).isEqualTo("rw-------");
        assertThat(Files.readString(password).trim()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void saWithTheEmptyPasswordIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(URL, "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
    }

    @Test
    void theDatabasePortAnswersOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(DATA.resolve("db/permanence.lock.db"))) {
            lock.load(reader);
        }
        String[] server = lock.getProperty("server").split(":");
        int port = Integer.parseInt(server[server.length - 1]);
        assertThat(InetAddress.getByName(server[0]).isLoopbackAddress()).as("the address the lock file advertises: " + server[0]).isTrue();
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }

        List<InetAddress> outside = NetworkInterface.networkInterfaces().filter(EmbeddedDatabaseTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).toList();
        Assumptions.assumeFalse(outside.isEmpty(), "this machine has no address besides loopback");
        for (InetAddress address : outside) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2000)).as(address + ":" + port)
                        .isInstanceOfAny(ConnectException.class, SocketTimeoutException.class);
            }
        }
    }

    @Test
    void aDataFolderFromBeforeKeepsItsDataAndGetsAPassword() throws Exception {
        Path data = TestOffice.newDataDir();
        String url = "jdbc:h2:file:" + data.resolve("db/permanence") + ";AUTO_SERVER=TRUE";
        try (Connection before = DriverManager.getConnection(url, "sa", ""); Statement statement = before.createStatement()) {
            statement.execute("CREATE TABLE kept (word VARCHAR(20))");
            statement.execute("INSERT INTO kept VALUES ('bonjour')");
        }

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("old-folder", Map.of(
                "spring.datasource.url", url, "spring.datasource.username", "sa", "spring.datasource.password", "",
                "permanence.data-dir", data.toString())));
        EmbeddedDatabaseAccess.secure(environment);

        String password = environment.getProperty("spring.datasource.password");
        assertThat(password).isEqualTo(Files.readString(data.resolve("db").resolve(EmbeddedDatabaseAccess.PASSWORD_FILE)).trim());
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("db").resolve(EmbeddedDatabaseAccess.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection after = DriverManager.getConnection(url, "sa", password); Statement statement = after.createStatement();
                ResultSet kept = statement.executeQuery("SELECT word FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("bonjour");
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
