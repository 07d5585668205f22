package dev.crm.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crm.query.sql.ListReads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * The database as the application sees it: one connection pool (the embedded PostgreSQL's, or the
 * configured server's) behind {@link DatabaseAvailability}'s circuit breaker. Everything that asks for a
 * {@code DataSource} gets the guarded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String POOL = "connectionPool";
    private static final String LISTS_POOL = "listsConnectionPool";

    /** The configured server's pool: {@code spring.datasource.url}, {@code spring.datasource.hikari.*}. */
    @Bean(name = POOL, destroyMethod = "close", defaultCandidate = false)
    @ConditionalOnProperty("spring.datasource.url")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource configuredConnectionPool(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    DatabaseAvailability databaseAvailability(@Qualifier(POOL) HikariDataSource pool,
                                              ApplicationEventPublisher events) {
        return new DatabaseAvailability(pool, events);
    }

    @Bean
    @Primary
    DataSource dataSource(@Qualifier(POOL) DataSource pool, DatabaseAvailability availability) {
        return new GuardedDataSource(pool, availability);
    }

    /**
     * A second, smaller pool to the same database for the live lists' statements, whose connections plan
     * statements generically ({@link ListReads} says why); behind the same circuit breaker.
     */
    @Bean(name = LISTS_POOL, destroyMethod = "close", defaultCandidate = false)
    HikariDataSource listsConnectionPool(@Qualifier(POOL) HikariDataSource pool) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(pool.getPoolName() + "-lists");
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setConnectionTimeout(pool.getConnectionTimeout());
        config.setValidationTimeout(pool.getValidationTimeout());
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(Math.max(1, pool.getMaximumPoolSize() / 2));
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("options", "-c plan_cache_mode=force_generic_plan");
        config.setDataSourceProperties(properties);
        return new HikariDataSource(config);
    }

    @Bean(defaultCandidate = false)
    @Qualifier(ListReads.POOL)
    DataSource listsDataSource(@Qualifier(LISTS_POOL) HikariDataSource pool, DatabaseAvailability availability) {
        return new GuardedDataSource(pool, availability);
    }

    /**
     * Health and readiness from the circuit's state: answered at once, also during an outage (a query
     * would wait for the pool's time-out). The circuit's heartbeat keeps that state at most a second old.
     */
    @Bean
    HealthIndicator database(DatabaseAvailability availability) {
        return () -> availability.isAvailable() ? Health.up().build() : Health.down().build();
    }
}
