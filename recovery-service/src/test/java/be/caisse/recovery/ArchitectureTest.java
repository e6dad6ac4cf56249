package be.caisse.recovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The recovery rules stay plain Java: no framework, no persistence, no web in {@code domain}. */
@AnalyzeClasses(packages = "be.caisse.recovery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                    "io.smallrye..", "org.eclipse.microprofile..", "com.fasterxml..", "..persistence..", "..api..",
                    "..messaging..", "..application..");
}
