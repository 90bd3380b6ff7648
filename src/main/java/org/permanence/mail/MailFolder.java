package org.permanence.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded mail server's disk: one {@code .eml} per delivered message, one folder per mailbox.
 * Written before the message is acknowledged, so a mail accepted by the server survives a crash.
 */
public class MailFolder {

    /** Ids are generated here and are also the file names; anything else is refused. */
    private static final Pattern ID = Pattern.compile("\\d{13}-[0-9a-f\\-]{36}");
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+");

    private final Path root;

    public MailFolder(Path root) {
        this.root = root;
    }

    public String save(String mailbox, MimeMessage message) {
        if (!MAILBOX.matcher(mailbox).matches()) {
            throw new IllegalArgumentException("Not a mailbox address: " + mailbox);
        }
        String id = Instant.now().toEpochMilli() + "-" + UUID.randomUUID();
        try {
            Path folder = Files.createDirectories(root.resolve(mailbox.toLowerCase()));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            Path temporary = folder.resolve(id + ".tmp");
            Files.write(temporary, raw.toByteArray());
            Files.move(temporary, folder.resolve(id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep mail for " + mailbox + " in " + root, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not serialise mail for " + mailbox, e);
        }
    }

    /** All stored messages, oldest first. */
    public List<StoredMail> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .map(this::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list mail in " + root, e);
        }
    }

    public Optional<StoredMail> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return all().stream().filter(mail -> mail.id().equals(id)).findFirst();
    }

    /** Removes a stored message's file; answers whether there was one. */
    public boolean delete(StoredMail mail) {
        if (!ID.matcher(mail.id()).matches() || !MAILBOX.matcher(mail.mailbox()).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(root.resolve(mail.mailbox().toLowerCase()).resolve(mail.id() + ".eml"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove mail " + mail.id() + " from " + root, e);
        }
    }

    private StoredMail read(Path file) {
        String name = file.getFileName().toString();
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(System.getProperties()),
                    new ByteArrayInputStream(Files.readAllBytes(file)));
            return new StoredMail(name.substring(0, name.length() - ".eml".length()),
                    file.getParent().getFileName().toString(), message);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read mail " + file, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail " + file, e);
        }
    }
}
