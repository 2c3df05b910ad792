package com.blueprintshop.identity.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;

/**
 * The address a sign-in came from: the first X-Forwarded-For entry, which the edge sets to the
 * browser's address, else the peer. With {@code server.forward-headers-strategy: framework} the
 * forwarded-header filter has usually already moved that entry into the remote address.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(HttpServletRequest request) {
		String forwardedFor = request.getHeader("X-Forwarded-For");
		if (StringUtils.hasText(forwardedFor)) {
			String first = forwardedFor.split(",", 2)[0].strip();
			if (!first.isEmpty()) {
				return first;
			}
		}
		return request.getRemoteAddr();
	}

}
