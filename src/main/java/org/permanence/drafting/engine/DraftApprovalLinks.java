package org.permanence.drafting.engine;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.drafting.ClientApprovals;
import org.permanence.links.LinkCheck;
import org.permanence.links.SignedLinks;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The approve and change links of a draft the client receives (no login: the signed link is the
 * right). Opening one only asks; pressing the button spends the link and hands the client's answer
 * to the waiting mail-drafting instance. A link that cannot serve shows the same friendly page, with
 * a status that says why to the browser, to monitoring and to mail scanners: 410 Gone when it expired,
 * was used or its draft no longer waits, 403 Forbidden when it is not a link we signed for this action.
 * The page speaks the reader's language: {@code lang}, else the browser's, else the client's.
 */
@Controller
@EngineNode
class DraftApprovalLinks {

    private final SignedLinks links;
    private final DraftAnswers answers;
    private final HistoryService history;
    private final ClientRepository clients;

    DraftApprovalLinks(SignedLinks links, DraftAnswers answers, HistoryService history, ClientRepository clients) {
        this.links = links;
        this.answers = answers;
        this.history = history;
        this.clients = clients;
    }

    @GetMapping("/links/mail/{action}")
    ModelAndView ask(@PathVariable String action, @RequestParam("t") String token,
                     @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
        LinkCheck check = links.check(token, linkAction(action));
        return check.valid() ? page(action, "ask", token, check, lang, request) : refused(action, token, check, lang, request);
    }

    @PostMapping("/links/mail/{action}")
    ModelAndView answer(@PathVariable String action, @RequestParam("t") String token,
                        @RequestParam(name = "comment", required = false) String comment,
                        @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
        LinkCheck check = links.use(token, linkAction(action));
        if (!check.valid()) {
            return refused(action, token, check, lang, request);
        }
        try {
            answers.correlate(check.subject(), "approve".equals(action), comment);
        } catch (MismatchingMessageCorrelationException answeredAlready) {
            ModelAndView page = page(action, "refused", token, check, lang, request);
            page.addObject("reason", "answered");
            page.setStatus(HttpStatus.GONE);
            return page;
        }
        return page(action, "done", token, check, lang, request);
    }

    private static String linkAction(String action) {
        return switch (action) {
            case "approve" -> ClientApprovals.APPROVE;
            case "change" -> ClientApprovals.CHANGE;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such link");
        };
    }

    private ModelAndView refused(String action, String token, LinkCheck check, String lang, HttpServletRequest request) {
        ModelAndView page = page(action, "refused", token, check, lang, request);
        page.addObject("reason", switch (check.outcome()) {
            case EXPIRED -> "expired";
            case USED -> "used";
            default -> "invalid";
        });
        page.setStatus(switch (check.outcome()) {
            // ours, but over: gone for good, ask the secretariat for a new one
            case EXPIRED, USED -> HttpStatus.GONE;
            // not signed by us, or for another action: nothing this link may do
            default -> HttpStatus.FORBIDDEN;
        });
        return page;
    }

    private ModelAndView page(String action, String state, String token, LinkCheck check, String lang, HttpServletRequest request) {
        String language = PageWords.language(lang, request, clientLanguage(check).orElse(null));
        ModelAndView page = new ModelAndView("links/mail-answer");
        page.addObject("action", action);
        page.addObject("approve", "approve".equals(action));
        page.addObject("state", state);
        page.addObject("token", token);
        page.addObject("lang", language);
        PageWords.speak(request, language);
        return page;
    }

    /** The language of the client whose draft the link is about; none for a link we did not sign. */
    private Optional<String> clientLanguage(LinkCheck check) {
        if (check.subject() == null) {
            return Optional.empty();
        }
        HistoricVariableInstance clientId = history.createHistoricVariableInstanceQuery().processInstanceId(check.subject())
                .variableName("clientId").list().stream().findFirst().orElse(null);
        return clientId == null || !(clientId.getValue() instanceof String id) ? Optional.empty()
                : clients.findById(id).map(Client::language);
    }
}
