package com.blueprintshop.identity.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on password guessing.
 *
 * @param maxFailures failed sign-ins allowed per account and per client address within the window
 * @param failureWindow how far back failures count
 */
@ConfigurationProperties("shop.identity.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration failureWindow) {
}
