package dev.crm.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and package rules of DESIGN.md. */
class ArchitectureTest {

    private static JavaClasses crm;

    @BeforeAll
    static void importClasses() {
        crm = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crm");
    }

    @Test
    void sharedApiIsPlainJavaSpeakingOnlyItsOwnLanguage() {
        classes().that().resideInAPackage("dev.crm.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.crm.api..", "java..",
                        "org.axonframework.modelling.command..", "com.github.f4b6a3.ulid..")
                .check(crm);
    }

    @Test
    void commandSideNeverSeesTheQuerySideAndViceVersa() {
        noClasses().that().resideInAPackage("dev.crm.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.query..", "dev.crm.app..")
                .check(crm);
        noClasses().that().resideInAPackage("dev.crm.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.command..", "dev.crm.app..")
                .check(crm);
    }

    @Test
    void aggregatesLiveOnTheCommandSideProjectionsOnTheQuerySide() {
        classes().that().areAnnotatedWith(Aggregate.class).should().resideInAPackage("dev.crm.command..")
                .andShould().notBePublic().check(crm);
        classes().that().areAnnotatedWith(ProcessingGroup.class).should().resideInAPackage("dev.crm.query..")
                .andShould().notBePublic().check(crm);
    }

    @Test
    void controllersArePackagePrivateInTheirResourcesPackage() {
        classes().that().areAnnotatedWith(RestController.class).and().resideOutsideOfPackage("dev.crm.app..")
                .should().notHaveModifier(JavaModifier.PUBLIC).check(crm);
    }

    @Test
    void noJpaOrHibernate() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(crm);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.crm.(*).(*)..").should().beFreeOfCycles().check(crm);
    }
}
