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

/**
 * The database as the application sees it: one connection pool (the embedded PostgreSQL's, or the
 * configured server's) behind {@link DatabaseAvailability}'s circuit breaker. Everything that asks for a
 * {@code DataSource} gets the guarded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String POOL = "connectionPool";
    private static final String LISTS_POOL = "listsConnectionPool";
    private static final String LISTS_POOL_SETTINGS = "listsConnectionPoolSettings";
    /** The lists' connections' PostgreSQL settings ({@link ListReads} says why). */
    private static final String GENERIC_PLANS =
            " -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0";

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
     * The operator's {@code spring.datasource.hikari.*} settings bound a second time, for the lists' pool: its
     * own copy of them, driver properties included (Hikari's {@code copyStateTo} would share the main pool's
     * driver properties, so adding to them would change the main pool's connections too).
     */
    @Bean(name = LISTS_POOL_SETTINGS, defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariConfig listsPoolSettings() {
        return new HikariConfig();
    }

    /**
     * A second, smaller pool to the same database for the live lists' statements, whose connections plan
     * statements generically ({@link ListReads} says why); behind the same circuit breaker.
     */
    @Bean(name = LISTS_POOL, destroyMethod = "close", defaultCandidate = false)
    HikariDataSource listsConnectionPool(@Qualifier(POOL) HikariDataSource pool,
                                         @Qualifier(LISTS_POOL_SETTINGS) HikariConfig settings) {
        return new HikariDataSource(listsPoolConfig(pool, settings));
    }

    /**
     * The lists' pool: the operator's settings, the main pool's server, half as many connections, and
     * PostgreSQL's {@code options} appended to (an operator's own {@code -c} settings stay) to plan generically.
     */
    static HikariConfig listsPoolConfig(HikariConfig pool, HikariConfig settings) {
        settings.setPoolName(pool.getPoolName() + "-lists");
        settings.setJdbcUrl(pool.getJdbcUrl());
        if (pool.getDriverClassName() != null) {
            settings.setDriverClassName(pool.getDriverClassName());
        }
        settings.setUsername(pool.getUsername());
        settings.setPassword(pool.getPassword());
        settings.setMinimumIdle(0);
        settings.setMaximumPoolSize(Math.max(1, pool.getMaximumPoolSize() / 2));
        String options = settings.getDataSourceProperties().getProperty("options", "");
        settings.addDataSourceProperty("options", (options + GENERIC_PLANS).strip());
        return settings;
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
