package com.spooltracker.extendschema.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.architecture.violations.Root;
import com.spooltracker.extendschema.architecture.violations.RootBack;
import com.spooltracker.extendschema.architecture.violations.emulator.Fake;
import com.spooltracker.extendschema.architecture.violations.metrics.ReadsAFile;
import com.spooltracker.extendschema.architecture.violations.schema.PlansWithGson;
import com.spooltracker.extendschema.architecture.violations.sheets.Gateway;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The import rules ({@link ImportRules}) hold on the function's production classes (target/classes: the
 * emulator and the tests are not among them), and each one fails on the deliberate violations in
 * {@code violations/}, so none of them passes by matching nothing.
 */
class ArchitectureTest {
    private static final String ROOT = "com.spooltracker.extendschema";
    private static final String EMULATOR = "io.sheetsemulator";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses VIOLATIONS = new ClassFileImporter()
            .importClasses(
                    Root.class, RootBack.class, PlansWithGson.class, ReadsAFile.class, Gateway.class, Fake.class);

    enum Rule {
        SCHEMA_IMPORTS_NO_GOOGLE_OR_HTTP_TYPE(ImportRules::schemaImportsNoGoogleOrHttpType, "PlansWithGson"),
        NOTHING_OUTSIDE_THE_EMULATOR_IMPORTS_IT(ImportRules::nothingOutsideTheEmulatorImportsIt, "violations.Root"),
        GOOGLE_API_TYPES_ONLY_IN_SHEETS(ImportRules::googleApiTypesOnlyInSheets, "violations.Root"),
        NO_PACKAGE_CYCLES(ImportRules::noPackageCycles, "Cycle detected"),
        NO_CLASS_CYCLES_IN_THE_ROOT_PACKAGE(ImportRules::noClassCyclesInTheRootPackage, "Cycle detected"),
        METRICS_DOES_NO_IO(ImportRules::metricsDoesNoIo, "ReadsAFile");

        final Function<ImportRules, ArchRule> rule;
        final String named;

        Rule(Function<ImportRules, ArchRule> rule, String named) {
            this.rule = rule;
            this.named = named;
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void holdsOnTheFunctionsProductionClasses(Rule rule) {
        rule.rule.apply(new ImportRules(ROOT, EMULATOR)).check(PRODUCTION);
    }

    /**
     * The emulator (compiled with the tests here, so imported by package) is held to the cycle rule too:
     * its public face, its fault and clock values ({@code control}), its wire layer and its model.
     */
    @Test
    void theEmulatorsPackagesAreFreeOfCyclesToo() {
        JavaClasses emulator = new ClassFileImporter().importPackages(EMULATOR);

        new ImportRules(EMULATOR, EMULATOR).noPackageCycles().check(emulator);
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void failsOnADeliberateViolation(Rule rule) {
        ArchRule onViolations =
                rule.rule.apply(new ImportRules(Root.class.getPackageName(), Fake.class.getPackageName()));

        AssertionError failure = assertThrows(AssertionError.class, () -> onViolations.check(VIOLATIONS));
        assertTrue(failure.getMessage().contains(rule.named), failure::getMessage);
    }
}
