package org.permanence.drafting;

import java.time.LocalDate;
import java.util.List;

/**
 * One letter as it is printed: from the client ({@code clientName}, {@code clientInSentence} as a
 * French sentence names it, "le Cabinet du Dr Martin"; its {@link Letterhead} and logo, {@code null}
 * for none), to the recipient's address lines, in the client's language ({@code fr}, {@code en}).
 */
public record Letter(String clientName, String clientInSentence, Letterhead letterhead, byte[] logo, String language, List<String> recipient,
                     LocalDate date, String reference, String subject, String body) {

    public Letter {
        recipient = List.copyOf(recipient);
    }
}
