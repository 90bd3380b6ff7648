package org.permanence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** What gives a robot's mail away, header by header, and what a person's mail looks like. */
@Tag("unit")
class AutomaticMailTest {

    private static final String PERSON = """
            Return-Path: <dr.martin@example.fr>
            Message-ID: <1@example.fr>
            From: dr.martin@example.fr
            Subject: Résultats
            Content-Type: text/plain; charset=UTF-8

            Merci d'envoyer ces résultats.
            """;

    @Test
    void aPersonsMailIsNotAutomaticNorOneThatSaysAutoSubmittedNo() throws Exception {
        assertThat(AutomaticMail.of(message(PERSON))).isEmpty();
        assertThat(AutomaticMail.of(message("Auto-Submitted: no\n" + PERSON))).isEmpty();
        assertThat(AutomaticMail.of(message("X-Autoreply: no\n" + PERSON))).isEmpty();
        assertThat(AutomaticMail.of(message("Precedence: first-class\n" + PERSON))).isEmpty();
        assertThat(AutomaticMail.of(message("X-Auto-Response-Suppress: DR, RN\n" + PERSON))).as("only receipts suppressed").isEmpty();
    }

    @Test
    void eachMarkerGivesTheRobotAway() throws Exception {
        assertThat(kind("Auto-Submitted: auto-replied; owner-email=\"dr.martin@example.fr\"\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPLY);
        assertThat(kind("Auto-Submitted: Auto-Generated\n" + PERSON)).isEqualTo(AutomaticMail.Kind.GENERATED);
        assertThat(kind("Auto-Submitted: auto-notified\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPORT);
        assertThat(kind("X-Autoreply: yes\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPLY);
        assertThat(kind("X-Autorespond: Absent jusqu'au 12\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPLY);
        assertThat(kind("Precedence: auto_reply\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPLY);
        assertThat(kind("Precedence: bulk\n" + PERSON)).isEqualTo(AutomaticMail.Kind.BULK);
        assertThat(kind("Precedence: junk\n" + PERSON)).isEqualTo(AutomaticMail.Kind.BULK);
        assertThat(kind("Precedence: list\n" + PERSON)).isEqualTo(AutomaticMail.Kind.BULK);
        assertThat(kind("X-Auto-Response-Suppress: All\n" + PERSON)).isEqualTo(AutomaticMail.Kind.GENERATED);
        assertThat(kind("X-MS-Exchange-Message-Is-Ndr: \n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPORT);
        assertThat(kind("Return-Path: <>\n" + PERSON.replace("Return-Path: <dr.martin@example.fr>\n", ""))).isEqualTo(AutomaticMail.Kind.REPORT);
        assertThat(kind(PERSON.replace("Content-Type: text/plain; charset=UTF-8",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"")
                .replace("Merci d'envoyer ces résultats.", "--b\nContent-Type: text/plain\n\nNon remis.\n--b--")))
                .isEqualTo(AutomaticMail.Kind.REPORT);
    }

    @Test
    void theMailServersReturnPathOnTopCountsNotOneTheSenderWroteBelow() throws Exception {
        assertThat(kind("Return-Path: <>\n" + PERSON)).isEqualTo(AutomaticMail.Kind.REPORT);
        assertThat(AutomaticMail.of(message("Return-Path: <dr.martin@example.fr>\n" + "Return-Path: <>\n"
                + PERSON.replace("Return-Path: <dr.martin@example.fr>\n", "")))).isEmpty();
    }

    @Test
    void theReasonIsOneShortLineWhateverTheSenderWrote() throws Exception {
        AutomaticMail mail = AutomaticMail.of(message("X-Autoreply: oui\n   " + "x".repeat(500) + "\n" + PERSON)).orElseThrow();

        assertThat(mail.reason()).startsWith("réponse automatique (X-Autoreply: oui x").doesNotContain("\n", "\r").hasSizeLessThan(160);
    }

    private static AutomaticMail.Kind kind(String raw) throws Exception {
        return AutomaticMail.of(message(raw)).orElseThrow(() -> new AssertionError("Not recognised as automatic:\n" + raw)).kind();
    }

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(System.getProperties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
