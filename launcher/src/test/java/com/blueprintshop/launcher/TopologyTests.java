package com.blueprintshop.launcher;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyTests {

	@Test
	void startsInfrastructureThenRegistryServicesGatewayStorefrontsAndEdge() {
		assertThat(Topology.of(3).names()).containsExactly("postgres", "redis", "kafka", "mail", "discovery", "identity",
				"catalog", "inventory", "order", "payment", "notification", "analytics", "gateway", "storefront-1",
				"storefront-2", "storefront-3", "edge");
	}

	@Test
	void givesEachComponentItsDocumentedPorts() {
		Topology topology = Topology.of(2);
		assertThat(topology.find("postgres").orElseThrow().preferredPorts()).containsExactly(15432);
		assertThat(topology.find("kafka").orElseThrow().preferredPorts()).containsExactly(19092, 19093);
		assertThat(topology.find("mail").orElseThrow().preferredPorts()).containsExactly(3025, 3080);
		assertThat(topology.find("order").orElseThrow().preferredPorts()).containsExactly(9004);
		assertThat(topology.find("storefront-2").orElseThrow().preferredPorts()).containsExactly(8082);
		assertThat(topology.find("edge").orElseThrow().preferredPorts()).containsExactly(8443, 8088);
	}

	@Test
	void instancesShareTheirApplicationsJarEurekaNameAndJvmOptions() {
		ComponentSpec second = Topology.of(2).find("storefront-2").orElseThrow();
		assertThat(second.jar(Path.of("/repo"))).contains(Path.of("/repo/storefront/target/storefront-exec.jar"));
		assertThat(second.eurekaName()).isEqualTo("STOREFRONT");
		assertThat(second.jvmOptionsKey()).isEqualTo("storefront");
		assertThat(second.instanceId()).isEqualTo("storefront-2");
		assertThat(second.database()).isEmpty();
	}

	@Test
	void givesEveryServiceItsOwnDatabase() {
		ComponentSpec order = Topology.of(2).find("order").orElseThrow();
		assertThat(order.jar(Path.of("/repo"))).contains(Path.of("/repo/services/order/target/order-exec.jar"));
		assertThat(order.database()).contains("bp_order");
		assertThat(order.instanceId()).isEqualTo("order-1");
	}

}
