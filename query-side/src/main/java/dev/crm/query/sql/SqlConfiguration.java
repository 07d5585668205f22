package dev.crm.query.sql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** The {@code JdbcTemplate} every component uses: one that never runs ahead of held writes. */
@Configuration(proxyBeanMethods = false)
class SqlConfiguration {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, DeferredWrites writes) {
        return new FlushingJdbcTemplate(dataSource, writes);
    }
}
