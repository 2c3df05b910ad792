package com.blueprintshop.e2e;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

	/**
	 * A service's listeners share its consumer group (docs/messaging.md): a listener {@code id}
	 * would otherwise become a group of its own, which dead-letter filtering and the operators'
	 * view of consumer lag both get wrong.
	 */
	@Test
	void everyKafkaListenerConsumesInItsServicesGroup() {
		methods().that()
			.areAnnotatedWith(org.springframework.kafka.annotation.KafkaListener.class)
			.should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
					"leave the consumer group to spring.kafka.consumer.group-id") {
				@Override
				public void check(com.tngtech.archunit.core.domain.JavaMethod method,
						com.tngtech.archunit.lang.ConditionEvents events) {
					org.springframework.kafka.annotation.KafkaListener listener = method
						.getAnnotationOfType(org.springframework.kafka.annotation.KafkaListener.class);
					boolean ownGroup = !listener.groupId().isEmpty() || (!listener.id().isEmpty() && listener.idIsGroup());
					if (ownGroup) {
						events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
								method.getFullName() + " sets a consumer group of its own (id with idIsGroup, or groupId)"));
					}
				}
			})
			.check(classes);
	}

}
