package org.permanence.storage;

import java.util.List;

/**
 * Whose an object in storage is: keys under {@code documents/<client>/}, {@code filed/<client>/} and
 * {@code clients/<client>/} are that client's; nothing else is any client's. A key with an empty, {@code .}
 * or {@code ..} segment is no one's: a file-backed store could resolve it into another client's folder.
 */
public final class ClientObjects {

    private static final List<String> CLIENT_FOLDERS = List.of("documents", "filed", "clients");

    private ClientObjects() {
    }

    public static boolean belongsTo(String key, String clientId) {
        if (key == null || clientId == null || clientId.isBlank()) {
            return false;
        }
        List<String> segments = List.of(key.split("/", -1));
        if (segments.size() < 3 || segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("\\"))) {
            return false;
        }
        return CLIENT_FOLDERS.contains(segments.get(0)) && segments.get(1).equals(clientId);
    }
}
