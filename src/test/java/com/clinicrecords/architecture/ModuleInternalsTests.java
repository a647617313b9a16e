package com.clinicrecords.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.repository.Repository;

/**
 * Module internals stay inside their module. Java's package-private cannot span a module's web / domain /
 * persistence packages, so this rule is the "package-private" of a module: no class outside module M touches
 * M's JPA entities, embeddables or Spring Data repositories, and inside M controllers reach them only through
 * services. {@link ModularityTests} checks the rest (only a module's declared API is used, no cycles).
 */
class ModuleInternalsTests {

    static final String ROOT = "com.clinicrecords";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(ROOT);

    static List<String> modules() {
        return List.of("analysis", "appointments", "audit", "identity", "imaging", "news", "notifications", "patients");
    }

    static DescribedPredicate<JavaClass> internalsOf(String module) {
        String pkg = ROOT + "." + module;
        return DescribedPredicate.describe(
                "entities or repositories of module " + module,
                c -> (c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."))
                        && (c.isAnnotatedWith(Entity.class)
                                || c.isAnnotatedWith(Embeddable.class)
                                || c.isAssignableTo(Repository.class)));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void entitiesAndRepositoriesAreUsedOnlyInsideTheirModule(String module) {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + "." + module + "..")
                .should()
                .dependOnClassesThat(internalsOf(module))
                .because("other modules use " + module + "'s API (its facade and records), not its tables")
                .check(CLASSES);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void controllersGoThroughServices(String module) {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "." + module + ".web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("controllers stay thin: services own transactions and rules")
                .check(CLASSES);
    }
}
