package com.blueprintshop.e2e;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The architecture as rules over every deployable's compiled classes (each module is a test
 * dependency of this one): services share no code but service-defaults, and service-defaults
 * knows none of them.
 */
class ArchitectureTests {

	static final List<String> SERVICES = List.of("identity", "catalog", "inventory", "order", "payment",
			"notification", "analytics");

	static final List<String> DEPLOYABLES = List.of("identity", "catalog", "inventory", "order", "payment",
			"notification", "analytics", "gateway", "storefront", "discovery", "launcher");

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.blueprintshop");
	}

	@ParameterizedTest
	@FieldSource("DEPLOYABLES")
	void everyDeployableIsImported(String deployable) {
		// guards the rules below against passing on an empty class set
		assertThat(classes.that(resideInAPackage("com.blueprintshop." + deployable + ".."))).isNotEmpty();
	}

	@Test
	void deployablesDoNotDependOnEachOther() {
		slices().matching("com.blueprintshop.(*)..")
			.should()
			.notDependOnEachOther()
			.ignoreDependency(alwaysTrue(), resideInAPackage("com.blueprintshop.defaults.."))
			.check(classes);
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void aServiceUsesNoOtherBlueprintCodeThanServiceDefaults(String service) {
		noClasses().that()
			.resideInAPackage("com.blueprintshop." + service + "..")
			.should()
			.dependOnClassesThat(resideInAPackage("com.blueprintshop..")
				.and(resideInAPackage("com.blueprintshop." + service + "..").negate())
				.and(resideInAPackage("com.blueprintshop.defaults..").negate()))
			.check(classes);
	}

	@Test
	void serviceDefaultsKnowsNoDeployable() {
		noClasses().that()
			.resideInAPackage("com.blueprintshop.defaults..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(DEPLOYABLES.stream().map(d -> "com.blueprintshop." + d + "..").toArray(String[]::new))
			.check(classes);
	}

}
