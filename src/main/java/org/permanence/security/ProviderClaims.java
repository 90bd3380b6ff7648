package org.permanence.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.permanence.people.Groups;
import org.permanence.people.SignedInUser;

/**
 * Who the provider says someone is, in the office's words: her engine user id, {@code secretaries} and/or
 * {@code managers}, and the clients she serves. Someone in neither group is nobody here (empty), whatever
 * else the provider knows of her; so is a claim naming the workers' service account, which only signs in
 * with its password.
 */
final class ProviderClaims {

    /** What the engine accepts as an id (OfficeEnginePlugin's resource whitelist). */
    private static final Pattern NOT_IN_AN_ID = Pattern.compile("[^a-zA-Z0-9._-]");

    private final ProviderProperties provider;
    private final String serviceAccount;

    ProviderClaims(ProviderProperties provider, String serviceAccount) {
        this.provider = provider;
        this.serviceAccount = serviceAccount;
    }

    Optional<SignedInUser> person(Map<String, Object> claims) {
        Optional<String> named = id(claims);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String id = named.get();
        List<String> theirGroups = values(claims.get(provider.groupsClaim()));
        List<String> groups = new ArrayList<>();
        if (theirGroups.contains(provider.secretariesGroup())) {
            groups.add(Groups.SECRETARIES);
        }
        if (theirGroups.contains(provider.managersGroup())) {
            groups.add(Groups.MANAGERS);
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<String> clients = values(claims.get(provider.clientsClaim())).stream()
                .filter(value -> value.startsWith(provider.clientsPrefix()) && value.length() > provider.clientsPrefix().length())
                .map(value -> value.substring(provider.clientsPrefix().length()))
                .distinct().toList();
        return Optional.of(new SignedInUser(id, List.copyOf(groups), clients));
    }

    /** The engine user the claims name, whatever her groups; never the workers' service account. */
    Optional<String> id(Map<String, Object> claims) {
        Object name = claims.get(provider.userIdClaim());
        if (name == null) {
            name = claims.get("sub");
        }
        if (name == null || name.toString().isBlank()) {
            return Optional.empty();
        }
        String id = NOT_IN_AN_ID.matcher(name.toString().trim()).replaceAll("-");
        return Character.isLetterOrDigit(id.charAt(0)) && !id.equals(serviceAccount) ? Optional.of(id) : Optional.empty();
    }

    /** A claim holds a list (Keycloak, Entra ID), or one value, or values separated by spaces or commas. */
    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
