package dev.crm.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and package rules of {@code docs/architecture.md}. */
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
    void controllersOnlyTranslateHttp() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .because("SQL belongs to the query handlers and projections, not to a controller")
                .check(crm);
    }

    @Test
    void noServletRequestGoesBeyondTheWebLayer() {
        noClasses().that().areNotAnnotatedWith(RestController.class).and().resideOutsideOfPackage("dev.crm.app..")
                .should().dependOnClassesThat().areAssignableTo(HttpServletRequest.class)
                .because("what reads or writes records takes values, not requests")
                .check(crm);
    }

    @Test
    void nothingThatDecidesOrProjectsDependsOnTheWebLayer() {
        noClasses().that().areAnnotatedWith(Aggregate.class).or().areAnnotatedWith(ProcessingGroup.class)
                .or(containAMethodAnnotatedWith(QueryHandler.class))
                .or(containAMethodAnnotatedWith(CommandHandler.class))
                .should().dependOnClassesThat().resideInAPackage("..web..")
                .check(crm);
    }

    @Test
    void noJpaOrHibernate() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(crm);
    }

    private static DescribedPredicate<JavaClass> containAMethodAnnotatedWith(
            Class<? extends java.lang.annotation.Annotation> annotation) {
        return DescribedPredicate.describe("have a method annotated with @" + annotation.getSimpleName(),
                type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(annotation)));
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.crm.(*).(*)..").should().beFreeOfCycles().check(crm);
    }
}
