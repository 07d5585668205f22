package dev.crm.app.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL's data directory of the API tests, in the system's temporary directory, removed
 * with everything in it when their context closes (at the end of the test JVM at the latest): {@code
 * deleteOnExit} removes only an empty directory. It must go after PostgreSQL has stopped, so the database bean
 * is made to depend on this one, and Spring destroys a bean before those it depends on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDataDirectory {

    public static final Path PATH = create();

    private static final String BEAN = "testDataDirectory";
    private static final String DATABASE_BEAN = "embeddedPostgres";

    @Bean(BEAN)
    static DisposableBean testDataDirectory() {
        return () -> TempFiles.deleteRecursively(PATH);
    }

    @Bean
    static BeanFactoryPostProcessor databaseStopsFirst() {
        return factory -> {
            if (factory.containsBeanDefinition(DATABASE_BEAN)) { // none with CRM_TEST_DATABASE_URL
                factory.getBeanDefinition(DATABASE_BEAN).setDependsOn(BEAN);
            }
        };
    }

    private static Path create() {
        try {
            return Files.createTempDirectory("crm-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
