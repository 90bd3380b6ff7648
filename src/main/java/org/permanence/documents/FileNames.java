package org.permanence.documents;

import java.text.Normalizer;

/**
 * A file name as sent, made safe to show and to offer for download: no folders, no control
 * characters, nothing a shell or a browser reads as syntax, 120 characters at most. It is only ever
 * displayed; storage keys are made of ids.
 */
public final class FileNames {

    private static final int MAX = 120;

    private FileNames() {
    }

    public static String clean(String sent) {
        if (sent == null) {
            return "document";
        }
        String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        name = name.replaceAll("^[.\\s]+", "");
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - extension.length()) + extension;
        }
        return name.isEmpty() ? "document" : name;
    }
}
