package dev.crm.app.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Empty on purpose: its ordering is the fix. Axon 4.13 orders its transaction and JDBC auto-configuration
 * after Boot 3's class names, which moved in Boot 4, so Axon's ran first and picked
 * {@code NoTransactionManager} (a failing projection would not roll back the event append) or no JDBC
 * storage engine at all. Sitting between Boot 4's data source/transaction configuration and Axon's forces
 * the right order. {@code AxonWiringTest} checks the outcome.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
public class AxonAfterBootDataSourceAutoConfiguration {
}
