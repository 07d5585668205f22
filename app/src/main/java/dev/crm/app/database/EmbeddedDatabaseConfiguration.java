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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${crm.data-dir}") Path dataDir) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfPresent(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on") // zonky passes -F (fsync off); acknowledged writes must survive a crash
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /** The pool, configured by {@code spring.datasource.hikari.*} like a configured server's. */
    @Bean(name = DatabaseConfiguration.POOL, destroyMethod = "close", defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource connectionPool(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPoolName("crm-embedded");
        return pool;
    }
}
