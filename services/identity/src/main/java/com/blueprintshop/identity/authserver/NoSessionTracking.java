package com.blueprintshop.identity.authserver;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * Replaces the in-memory session registry the authorization server creates for OpenID Connect.
 * With sessions in Redis no instance sees sessions end, so that registry would only grow, and it
 * would know only its own instance's sessions anyway. Without it ID tokens carry no {@code sid}
 * and RP-initiated logout checks the user (sub) rather than the session; neither front- nor
 * back-channel logout, which need {@code sid}, is offered.
 */
final class NoSessionTracking implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return List.of();
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		return null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
	}

	@Override
	public void removeSessionInformation(String sessionId) {
	}

}
