package org.permanence.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

import org.h2.engine.SysProperties;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database is reachable from this machine only, and only with the password of its
 * data folder. H2's {@code AUTO_SERVER} (which lets a local worker node open the same file) used to
 * listen on every interface, and its lock file, readable by anyone, told how to connect as {@code sa}
 * with no password. Now, before anything opens the database:
 * <ul>
 * <li>H2's servers bind to 127.0.0.1 ({@code h2.bindAddress}, unless the operator set it);</li>
 * <li>the data folder and the database's folder are readable by their owner only (700);</li>
 * <li>a random password is made once per database, kept next to it in {@value #PASSWORD_FILE} (600),
 * and used by every node that opens that database (a worker node on the same data folder too);</li>
 * <li>a database made before, with the empty password, is given that password: its data stays.</li>
 * </ul>
 * A datasource password set by the operator, or another database, is left alone.
 */
public class EmbeddedDatabaseAccess implements ApplicationListener<ApplicationPreparedEvent> {

    static final String PASSWORD_FILE = "password";
    static final String BIND_ADDRESS = "h2.bindAddress";
    private static final String H2_FILE = "jdbc:h2:file:";

    /** Once every setting is known (a test's initializer gives the data folder late), before any bean opens the database. */
    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        secure(event.getApplicationContext().getEnvironment());
    }

    static void secure(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(H2_FILE)) {
            return;
        }
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
        if (SysProperties.BIND_ADDRESS == null) {
            throw new IllegalStateException("H2 was loaded before " + BIND_ADDRESS + " could be set: its AUTO_SERVER would listen on "
                    + "every interface. Start the JVM with -D" + BIND_ADDRESS + "=127.0.0.1");
        }
        String dataDir = environment.getProperty("permanence.data-dir");
        if (dataDir != null) {
            ownerOnly(Path.of(dataDir));
        }
        String password = environment.getProperty("spring.datasource.password", "");
        if (password.isEmpty()) {
            Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath();
            String user = environment.getProperty("spring.datasource.username", "sa");
            password = passwordOf(database, url, user);
            environment.getPropertySources().addFirst(new MapPropertySource("embedded-database-password",
                    Map.of("spring.datasource.password", password)));
        }
    }

    /** The database's password, made (and given to a database made before with none) on first start. */
    static String passwordOf(Path database, String url, String user) {
        Path folder = ownerOnly(database.getParent());
        Path file = folder.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        boolean existedWithoutPassword = Files.exists(Path.of(database + ".mv.db"));
        String password = newPassword();
        if (!writeOnce(file, password)) {
            // another node starting on this folder made it first
            return read(file);
        }
        if (existedWithoutPassword) {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER USER \"" + user.toUpperCase().replace("\"", "\"\"") + "\" SET PASSWORD '" + password + "'");
            } catch (SQLException e) {
                delete(file);
                throw new IllegalStateException("The database " + database + " has no password file and does not open with the "
                        + "empty password: set spring.datasource.password (SPRING_DATASOURCE_PASSWORD) to its password", e);
            }
        }
        return password;
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the file readable by its owner only, unless it exists: false then. Never half-written for another reader. */
    private static boolean writeOnce(Path file, String password) {
        try {
            Path draft = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".new");
            try {
                Files.writeString(draft, password, StandardCharsets.US_ASCII);
                restrict(draft, "rw-------");
                Files.createLink(file, draft);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the database password to " + file, e);
        }
    }

    private static Path ownerOnly(Path folder) {
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + folder + " private to its owner", e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        // on a file system without POSIX permissions (Windows) the folder's own access rules apply
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database password in " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
