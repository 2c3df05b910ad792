package com.blueprintshop.defaults.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.web.client.RestTemplate;

import com.blueprintshop.defaults.ServiceHttpClients;

/**
 * JWT validation for every deployable that is a resource server (it has
 * spring-boot-starter-oauth2-resource-server): the key set is fetched from identity through
 * discovery and cached, tokens must be RS256, unexpired and issued by identity.
 */
@AutoConfiguration(after = com.blueprintshop.defaults.ServiceDefaultsAutoConfiguration.class,
		beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass({ JwtDecoder.class, HttpSecurity.class, JwtAuthenticationConverter.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityProperties properties, ServiceHttpClients clients,
			ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
		RestTemplate keySetClient = new RestTemplate(clients.requestFactory());
		if (properties.jwkSetLoadBalanced()) {
			keySetClient.getInterceptors().add(new DeferringLoadBalancerInterceptor(loadBalancer));
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.restOperations(keySetClient)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer())));
		return decoder;
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
			authorities.addAll(roles(jwt));
			return authorities;
		});
		return converter;
	}

	static List<GrantedAuthority> roles(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles == null) {
			return List.of();
		}
		return roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceSecurity serviceSecurity(JwtAuthenticationConverter converter, Tracer tracer) {
		return new ServiceSecurity(converter, new ProblemResponses(tracer));
	}

}
