package org.permanence.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.links.LinkCheck;
import org.permanence.links.LinkOutcome;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PageWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page behind a client's upload link ({@code /depot?t=…}): no login, the signed link is the right.
 * Plain HTML that works on a phone (the file picker offers the camera), in French or English
 * ({@code lang}, else the browser's languages, else the client's). Each file goes through the
 * {@link DocumentIntake} as an upload does. A tampered, expired or ended link stores nothing and says so.
 */
@Controller
@EngineNode
class ClientUploadPage {

    private static final Logger log = LoggerFactory.getLogger(ClientUploadPage.class);

    /** What the page says: the form, what was received, or why the link does not work. */
    enum State { READY, RECEIVED, NO_FILE, TAMPERED, EXPIRED, USED, WRONG_ACTION }

    /** One file sent, and what became of it: received (perhaps a copy of one sent before) or refused with the reason. */
    record Sent(String name, boolean received, boolean copy, String problem) {
    }

    private final UploadLinks links;
    private final DocumentIntake intake;
    private final ClientRepository clients;

    ClientUploadPage(UploadLinks links, DocumentIntake intake, ClientRepository clients) {
        this.links = links;
        this.intake = intake;
        this.clients = clients;
    }

    @GetMapping(UploadLinks.PATH)
    String look(@RequestParam(name = "t", required = false) String token, @RequestParam(required = false) String lang,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        LinkCheck check = links.check(token);
        Client client = clientOf(check);
        return render(client == null ? refusal(check) : State.READY, client, token, List.of(), lang, request, response, model);
    }

    @PostMapping(UploadLinks.PATH)
    String send(@RequestParam(name = "t", required = false) String token, @RequestParam(required = false) String lang,
                @RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request,
                HttpServletResponse response, Model model) throws IOException {
        LinkCheck check = links.check(token);
        Client client = clientOf(check);
        if (client == null) {
            return render(refusal(check), null, token, List.of(), lang, request, response, model);
        }
        List<Sent> sent = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;  // the browser sends an empty part when no file was chosen
            }
            sent.add(take(client, check, file));
        }
        return render(sent.isEmpty() ? State.NO_FILE : State.RECEIVED, client, token, sent, lang, request, response, model);
    }

    private Sent take(Client client, LinkCheck check, MultipartFile file) throws IOException {
        try {
            DocumentIntake.Receipt receipt = intake.receive(client.id(), file.getOriginalFilename(), file.getBytes(),
                    DocumentIntake.Source.LINK, "lien " + check.linkId());
            log.info("Document {} received for client {} through upload link {}{}", receipt.documentId(), client.id(), check.linkId(),
                    receipt.copy() ? " (a copy)" : "");
            return new Sent(receipt.originalName(), true, receipt.copy(), null);
        } catch (InvalidRequest refused) {
            return new Sent(FileNames.clean(file.getOriginalFilename()), false, false, refused.getMessage());
        }
    }

    /** The client the link was signed for, when it is valid and the client still exists. */
    private Client clientOf(LinkCheck check) {
        return check.valid() ? clients.findById(check.subject()).orElse(null) : null;
    }

    private static State refusal(LinkCheck check) {
        return check.outcome() == LinkOutcome.VALID ? State.TAMPERED : State.valueOf(check.outcome().name());
    }

    private static String render(State state, Client client, String token, List<Sent> sent, String lang, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        String language = PageWords.language(lang, request, client == null ? "fr" : client.language());
        response.setStatus(Map.of(State.TAMPERED, 400, State.WRONG_ACTION, 400, State.EXPIRED, 410, State.USED, 410, State.NO_FILE, 400)
                .getOrDefault(state, 200));
        model.addAttribute("state", state.name());
        model.addAttribute("client", client);
        model.addAttribute("token", token);
        model.addAttribute("sent", sent);
        model.addAttribute("lang", language);
        PageWords.speak(request, language);
        return "depot/page";
    }
}
