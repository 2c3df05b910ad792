package com.blueprintshop.defaults;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What every Blueprint Shop deployable gets by depending on service-defaults: the outbound
 * HTTP client factory, trace ids on responses and problem details for REST errors. Health
 * probes, metrics, tracing and logging are configured in {@code service-defaults.properties}
 * and {@code logback-spring.xml}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@EnableConfigurationProperties(HttpClientProperties.class)
public class ServiceDefaultsAutoConfiguration {

	@Bean
	ServiceHttpClients serviceHttpClients(HttpClientProperties properties, RestClientBuilderConfigurer configurer,
			MeterRegistry registry, ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
		return new ServiceHttpClients(properties, configurer, registry, loadBalancer);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<TraceIdResponseHeader> traceIdResponseHeader(Tracer tracer) {
		FilterRegistrationBean<TraceIdResponseHeader> registration = new FilterRegistrationBean<>(
				new TraceIdResponseHeader(tracer));
		// after the observation filter, which opens the request's span
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(name = "spring.mvc.problemdetails.enabled", havingValue = "true")
	ProblemDetailsAdvice problemDetailsAdvice(Tracer tracer) {
		return new ProblemDetailsAdvice(tracer);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(name = "spring.mvc.problemdetails.enabled", havingValue = "true")
	ValidationProblems validationProblems() {
		return new ValidationProblems();
	}

}
