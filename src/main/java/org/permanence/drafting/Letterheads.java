package org.permanence.drafting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.permanence.clients.Client;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.FieldProblem;
import org.permanence.system.FrenchArticles;
import org.permanence.system.InvalidRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' letterheads (table {@code letterhead}, logo in object storage) and the letters printed on
 * them. A client that set none yet gets its name, its initials and "Le secrétariat" as signatory.
 */
@Service
public class Letterheads {

    static final int LOGO_MAX_BYTES = 1024 * 1024;

    private final JdbcClient jdbc;
    private final ObjectStorage storage;

    Letterheads(JdbcClient jdbc, ObjectStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    public Letterhead of(Client client) {
        return row(client.id()).map(Row::letterhead).orElseGet(() -> new Letterhead(List.of(), "",
                "fr".equals(client.language()) ? "Le secrétariat " + FrenchArticles.of(client.theName()) : "The secretariat of " + client.name()));
    }

    @Transactional
    public Letterhead save(Client client, Letterhead letterhead) {
        boolean hasLogo = row(client.id()).map(Row::hasLogo).orElse(false);
        jdbc.sql("delete from letterhead where client_id = ?").param(client.id()).update();
        jdbc.sql("insert into letterhead (client_id, address, town, signatory, has_logo, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(client.id(), String.join("\n", letterhead.address()), letterhead.town(), letterhead.signatory(), hasLogo,
                        Timestamp.from(Instant.now()))
                .update();
        return letterhead;
    }

    /** Keeps a PNG or JPEG logo; anything else is refused, as an image PDFBox could not draw would fail every letter. */
    @Transactional
    public void saveLogo(Client client, byte[] image) {
        if (image.length == 0 || image.length > LOGO_MAX_BYTES) {
            throw new InvalidRequest(List.of(FieldProblem.of("logo", "letterhead.logo.size", "must be an image of 1 byte to 1 MiB; this one has " + image.length, image.length)));
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(image)) == null) {
                throw new InvalidRequest(List.of(FieldProblem.of("logo", "letterhead.logo.notAnImage", "is not a PNG or JPEG image")));
            }
        } catch (IOException e) {
            throw new InvalidRequest(List.of(FieldProblem.of("logo", "letterhead.logo.unreadable", "is not a readable image: " + e.getMessage(), e.getMessage())));
        }
        storage.put(logoKey(client.id()), image, "application/octet-stream");
        save(client, of(client));
        jdbc.sql("update letterhead set has_logo = true where client_id = ?").param(client.id()).update();
    }

    /** The letter for a draft, printed on the client's letterhead and dated today in its time zone. */
    public byte[] print(Client client, List<String> recipient, String reference, Draft draft) {
        return print(client, recipient, reference, draft, today(client));
    }

    byte[] print(Client client, List<String> recipient, String reference, Draft draft, LocalDate date) {
        Optional<Row> row = row(client.id());
        byte[] logo = row.filter(Row::hasLogo).flatMap(found -> storage.get(logoKey(client.id()))).orElse(null);
        return LetterPdf.print(new Letter(client.name(), client.theName(), of(client), logo, client.language(), recipient,
                date, reference, draft.subject(), draft.text()));
    }

    /** The date a letter printed now carries: today on the client's clock. */
    static LocalDate today(Client client) {
        return LocalDate.now(ZoneId.of(client.timeZone()));
    }

    private Optional<Row> row(String clientId) {
        return jdbc.sql("select * from letterhead where client_id = ?").param(clientId)
                .query((rs, n) -> new Row(new Letterhead(Arrays.stream(rs.getString("address").split("\n")).filter(line -> !line.isBlank()).toList(),
                        rs.getString("town"), rs.getString("signatory")), rs.getBoolean("has_logo")))
                .optional();
    }

    private static String logoKey(String clientId) {
        return "clients/" + clientId + "/letterhead/logo";
    }

    private record Row(Letterhead letterhead, boolean hasLogo) {
    }
}
