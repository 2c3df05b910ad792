package com.blueprintshop.identity.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/**
	 * Argon2id, memory-hard so that a stolen table is expensive to crack on GPUs (Spring Security's
	 * Argon2PasswordEncoder on Bouncy Castle's bcprov-jdk18on, whose version the Bouncy Castle BOM
	 * imported by the Spring Cloud BOM manages). Each hash names its encoder ({@code {argon2}…}),
	 * so bcrypt hashes still verify should any be imported, and the parameters can be raised later
	 * without invalidating existing hashes. Used for client secrets too.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

}
