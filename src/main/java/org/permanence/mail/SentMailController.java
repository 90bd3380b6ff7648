package org.permanence.mail;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.PersonalDataRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Mails envoyés": what the embedded mail server received, so a first-time user sees the
 * confirmations and notifications clients and callers would get. Each user sees the mail of the
 * clients she serves; managers see all. Below, the automatic mails our mailboxes received
 * (out-of-office replies, bounces…), kept but not worked on: whatever the mail server, embedded or not.
 */
@Controller
@EngineNode
class SentMailController {

    private static final int AUTOMATIC_SHOWN = 200;
    private static final Set<String> SHOWN_INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

    private final ObjectProvider<MailFolder> folder;
    private final MailProperties properties;
    private final AutomaticMails automatic;
    private final ApplicationEventPublisher events;

    SentMailController(ObjectProvider<MailFolder> folder, MailProperties properties, AutomaticMails automatic,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.folder = folder;
        this.properties = properties;
        this.automatic = automatic;
    }

    @GetMapping("/mail")
    String list(SignedInUser user, Model model) {
        MailFolder mails = folder.getIfAvailable();
        List<StoredMail> visible = mails == null ? List.of() : mails.all().stream()
                .filter(mail -> visibleTo(user, mail))
                .sorted(Comparator.comparing(StoredMail::id).reversed())
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("embedded", properties.embedded());
        model.addAttribute("mails", visible);
        model.addAttribute("automaticMails", automatic.latest(AUTOMATIC_SHOWN).stream()
                .filter(kept -> kept.clientId() == null ? user.isManager() : user.serves(kept.clientId()))
                .toList());
        return "mail/list";
    }

    @GetMapping("/mail/{id}")
    String show(SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("mail", visibleMail(user, id));
        return "mail/show";
    }

    /**
     * An attachment of a mail she may see, numbered as the page lists them. What can be shown safely
     * (a letter's PDF, an image) opens in the browser; anything else is downloaded, and never runs
     * as a page of ours whatever its type says.
     */
    @GetMapping("/mail/{id}/attachments/{index}")
    ResponseEntity<byte[]> attachment(SignedInUser user, @PathVariable String id, @PathVariable int index) {
        StoredMail.Attachment attachment = visibleMail(user, id).attachment(index)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such attachment"));
        boolean shown = SHOWN_INLINE.contains(attachment.contentType());
        return ResponseEntity.ok()
                .contentType(shown ? MediaType.parseMediaType(attachment.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox")
                .body(attachment.content());
    }

    /** Another client's mail is answered as one that does not exist; one she may see is read now (access log). */
    private StoredMail visibleMail(SignedInUser user, String id) {
        MailFolder mails = folder.getIfAvailable();
        StoredMail mail = (mails == null ? Optional.<StoredMail>empty() : mails.find(id))
                .filter(found -> visibleTo(user, found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail"));
        events.publishEvent(new PersonalDataRead(user.id(), mail.clientId().orElse(null), PersonalDataRead.Item.MAIL, mail.id(),
                PersonalDataRead.Way.PAGE));
        return mail;
    }

    private static boolean visibleTo(SignedInUser user, StoredMail mail) {
        return mail.clientId().map(user::serves).orElse(user.isManager());
    }
}
