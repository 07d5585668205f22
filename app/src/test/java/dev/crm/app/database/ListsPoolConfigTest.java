package dev.crm.app.database;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListsPoolConfigTest {

    private static final String PREFIX = "spring.datasource.hikari";

    @Test
    void theListsPoolKeepsEveryOperatorSettingAndAddsGenericPlansToTheirOptions() {
        Map<String, String> operator = Map.of(
                PREFIX + ".maximum-pool-size", "16",
                PREFIX + ".minimum-idle", "4",
                PREFIX + ".max-lifetime", "600000",
                PREFIX + ".keepalive-time", "120000",
                PREFIX + ".connection-init-sql", "SET statement_timeout = '30s'",
                PREFIX + ".data-source-properties.currentSchema", "read_model,public",
                PREFIX + ".data-source-properties.options", "-c lock_timeout=5s");
        HikariConfig main = bound(operator, new HikariConfig());
        main.setPoolName("crm");
        main.setJdbcUrl("jdbc:postgresql://db.example:5432/crm");
        main.setDriverClassName("org.postgresql.Driver");
        main.setUsername("crm");
        main.setPassword("secret");

        HikariConfig lists = DatabaseConfiguration.listsPoolConfig(main, bound(operator, new HikariConfig()));

        assertThat(lists.getPoolName()).isEqualTo("crm-lists");
        assertThat(lists.getJdbcUrl()).isEqualTo(main.getJdbcUrl());
        assertThat(lists.getDriverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(lists.getUsername()).isEqualTo("crm");
        assertThat(lists.getPassword()).isEqualTo("secret");
        assertThat(lists.getMaximumPoolSize()).isEqualTo(8);
        assertThat(lists.getMinimumIdle()).isZero();
        assertThat(lists.getMaxLifetime()).isEqualTo(600_000);
        assertThat(lists.getKeepaliveTime()).isEqualTo(120_000);
        assertThat(lists.getConnectionInitSql()).isEqualTo("SET statement_timeout = '30s'");
        assertThat(lists.getDataSourceProperties())
                .containsEntry("currentSchema", "read_model,public")
                .containsEntry("options",
                        "-c lock_timeout=5s -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0");
        assertThat(main.getDataSourceProperties()).containsEntry("options", "-c lock_timeout=5s");
    }

    @Test
    void withoutOptionsOfTheirOwnTheListsConnectionsGetOnlyTheirs() {
        HikariConfig main = new HikariConfig();
        main.setPoolName("crm-embedded");
        main.setJdbcUrl("jdbc:postgresql://localhost:54321/postgres");
        main.setMaximumPoolSize(1);

        HikariConfig lists = DatabaseConfiguration.listsPoolConfig(main, new HikariConfig());

        assertThat(lists.getMaximumPoolSize()).isEqualTo(1);
        assertThat(lists.getDataSourceProperties()).containsEntry("options",
                "-c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0");
        assertThat(main.getDataSourceProperties()).doesNotContainKey("options");
    }

    /** What {@code @ConfigurationProperties("spring.datasource.hikari")} does to each pool's settings. */
    private static HikariConfig bound(Map<String, String> properties, HikariConfig config) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind(PREFIX, Bindable.ofInstance(config))
                .orElseThrow(IllegalStateException::new);
    }
}
