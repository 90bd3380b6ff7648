package org.permanence.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * What a browser signed in through the provider keeps in its session (Camunda's, which our pages share):
 * the tokens to ask the provider again, the ID token to sign out there, and when the provider last
 * confirmed her. One per session; its lock keeps two requests of one browser from refreshing at once
 * (a provider that rotates refresh tokens would refuse the second).
 */
final class ProviderSession implements Serializable {

    private static final String KEY = ProviderSession.class.getName();

    private OAuth2AccessToken accessToken;
    private OAuth2RefreshToken refreshToken;
    private String idToken;
    private Instant checkedAt;

    ProviderSession(OAuth2AccessToken accessToken, OAuth2RefreshToken refreshToken, String idToken, Instant checkedAt) {
        confirmed(accessToken, refreshToken, idToken, checkedAt);
    }

    static Optional<ProviderSession> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(KEY) instanceof ProviderSession signedIn ? Optional.of(signedIn) : Optional.empty();
    }

    void keepIn(HttpSession session) {
        session.setAttribute(KEY, this);
    }

    /** She signed out of the webapps (Camunda's own "Log out"): nothing is left to check for this session. */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(KEY);
        }
    }

    synchronized boolean due(Instant now, Duration recheckEvery) {
        return !now.isBefore(checkedAt.plus(recheckEvery));
    }

    /** The provider confirmed her again; a token it did not renew stays as it was. */
    synchronized void confirmed(OAuth2AccessToken access, OAuth2RefreshToken refresh, String id, Instant at) {
        this.accessToken = access;
        this.refreshToken = refresh != null ? refresh : this.refreshToken;
        this.idToken = id != null ? id : this.idToken;
        this.checkedAt = at;
    }

    synchronized OAuth2AccessToken accessToken() {
        return accessToken;
    }

    synchronized OAuth2RefreshToken refreshToken() {
        return refreshToken;
    }

    synchronized String idToken() {
        return idToken;
    }
}
