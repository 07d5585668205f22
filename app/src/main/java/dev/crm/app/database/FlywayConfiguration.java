package dev.crm.app.database;

import dev.crm.app.privacy.EncryptStoredPersonalData;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Two schemas, each migrated from the module that owns it: {@code event_store} (command side: Axon's
 * event, snapshot and token tables) and {@code read_model} (query side: projections). Each keeps its own
 * Flyway history so the modules never compete for version numbers. A third, {@code idempotency} (app: the
 * stored answers of {@code Idempotency-Key} requests), is neither events nor a read model.
 */
@Configuration(proxyBeanMethods = false)
class FlywayConfiguration {

    /** With one migration in Java: the encryption of personal data stored before it was encrypted. */
    @Bean
    Flyway eventStoreFlyway(DataSource dataSource) {
        return configure(dataSource, "event_store", "classpath:db/eventstore")
                .javaMigrations(new EncryptStoredPersonalData())
                .load();
    }

    @Bean
    Flyway readModelFlyway(DataSource dataSource) {
        return flyway(dataSource, "read_model", "classpath:db/readmodel");
    }

    @Bean
    Flyway idempotencyFlyway(DataSource dataSource) {
        return flyway(dataSource, "idempotency", "classpath:db/idempotency");
    }

    @Bean
    FlywayMigrationInitializer eventStoreMigration(Flyway eventStoreFlyway) {
        return new FlywayMigrationInitializer(eventStoreFlyway);
    }

    @Bean
    FlywayMigrationInitializer readModelMigration(Flyway readModelFlyway) {
        return new FlywayMigrationInitializer(readModelFlyway);
    }

    @Bean
    FlywayMigrationInitializer idempotencyMigration(Flyway idempotencyFlyway) {
        return new FlywayMigrationInitializer(idempotencyFlyway);
    }

    private static Flyway flyway(DataSource dataSource, String schema, String location) {
        return configure(dataSource, schema, location).load();
    }

    private static FluentConfiguration configure(DataSource dataSource, String schema, String location) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(location);
    }
}
