package dev.crm.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side's controllers only translate HTTP: what reads the read models takes values, not requests. */
class QuerySideArchitectureTest {

    private static JavaClasses querySide;

    @BeforeAll
    static void importClasses() {
        querySide = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crm.query");
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .check(querySide);
    }

    @Test
    void noRequestIsPassedBeyondTheControllers() {
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(HttpServletRequest.class)
                .check(querySide);
    }
}
