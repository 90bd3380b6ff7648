package org.permanence.mail;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
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

    private final ObjectProvider<MailFolder> folder;
    private final MailProperties properties;
    private final AutomaticMails automatic;

    SentMailController(ObjectProvider<MailFolder> folder, MailProperties properties, AutomaticMails automatic) {
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
        MailFolder mails = folder.getIfAvailable();
        StoredMail mail = (mails == null ? Optional.<StoredMail>empty() : mails.find(id))
                .filter(found -> visibleTo(user, found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail"));
        model.addAttribute("user", user);
        model.addAttribute("mail", mail);
        return "mail/show";
    }

    private static boolean visibleTo(SignedInUser user, StoredMail mail) {
        return mail.clientId().map(user::serves).orElse(user.isManager());
    }
}
