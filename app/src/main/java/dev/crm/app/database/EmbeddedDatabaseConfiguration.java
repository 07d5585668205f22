package dev.crm.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * With no database configured, the server runs its own PostgreSQL 17 whose data lives in
 * {@code CRM_DATA_DIR} (default {@code ./data}) and survives restarts, so a machine with only a JDK can
 * run the CRM. zonky turns {@code synchronous_commit} off by default; the product turns it back on, since
 * nothing acknowledged may be lost, and likewise {@code fsync}, which zonky disables.
 * <p>
 * PostgreSQL stops as the last bean of the context, after the web server has drained its requests and the
 * processors have released their claims (everything that reaches the database depends on the pool, which
 * depends on this bean, so Spring destroys them first). zonky's own JVM shutdown hook is therefore off: it
 * would stop PostgreSQL at the same moment as Spring's shutdown starts, under the running processors. And it
 * waits for the connections' backends to exit first ({@link EmbeddedServer}).
 * PostgreSQL's own output (start, stop, its errors) goes to {@code postgres.log} beside the data.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String SERVER_LOG = "postgres.log";

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(@Value("${crm.data-dir}") Path dataDir) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfPresent(pgData);
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(
                pgData.resolveSibling(SERVER_LOG).toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on") // zonky passes -F (fsync off); acknowledged writes must survive a crash
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false) // the context stops it, last: see above
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .start();
        LOG.info("Embedded PostgreSQL on port {} with data in {} (its log: {})", postgres.getPort(), pgData,
                pgData.resolveSibling(SERVER_LOG));
        return new EmbeddedServer(postgres);
    }

    /** The pool, configured by {@code spring.datasource.hikari.*} like a configured server's. */
    @Bean(name = DatabaseConfiguration.POOL, destroyMethod = "close", defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource connectionPool(EmbeddedServer postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setUsername("postgres");
        pool.setPoolName("crm-embedded");
        return pool;
    }
}
