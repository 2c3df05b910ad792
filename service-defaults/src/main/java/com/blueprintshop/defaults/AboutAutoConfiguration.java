package com.blueprintshop.defaults;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /about} for deployables that own a database (the services). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AboutAutoConfiguration {

	@Bean
	AboutController aboutController(DataSource dataSource, Environment environment,
			ObjectProvider<BuildProperties> build) {
		String service = environment.getRequiredProperty("spring.application.name");
		String instance = environment.getProperty("eureka.instance.instance-id", service);
		return new AboutController(JdbcClient.create(dataSource), service, instance, build.getIfAvailable());
	}

}
