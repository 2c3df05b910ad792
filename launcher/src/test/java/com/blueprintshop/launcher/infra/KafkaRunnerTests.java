package com.blueprintshop.launcher.infra;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaRunnerTests {

	@Test
	void rendersASingleNodeKraftBrokerThatIsItsOwnController() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(KafkaRunner.serverProperties(41092, 41093, Path.of("/home/bp/kafka/data"))));

		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:41093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:41092,CONTROLLER://127.0.0.1:41093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:41092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("log.dirs", "/home/bp/kafka/data")
			.containsEntry("num.partitions", "6");
	}

	@Test
	void setsEveryInternalTopicToOneReplica() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(KafkaRunner.serverProperties(19092, 19093, Path.of("/data"))));

		assertThat(properties.stringPropertyNames().stream().filter((name) -> name.endsWith("replication.factor")))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(properties.getProperty(name)).isEqualTo("1"));
		assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1");
	}

}
