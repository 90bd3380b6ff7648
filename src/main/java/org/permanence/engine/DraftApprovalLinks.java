package org.permanence.engine;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.permanence.drafting.ClientApprovals;
import org.permanence.links.LinkCheck;
import org.permanence.links.SignedLinks;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The approve and change links of a draft the client receives (no login: the signed link is the
 * right). Opening one only asks; pressing the button spends the link and hands the client's answer
 * to the waiting mail-drafting instance.
 */
@Controller
@EngineNode
class DraftApprovalLinks {

    static final String MESSAGE = "ClientAnsweredDraft";

    private final SignedLinks links;
    private final RuntimeService runtime;

    DraftApprovalLinks(SignedLinks links, RuntimeService runtime) {
        this.links = links;
        this.runtime = runtime;
    }

    @GetMapping("/links/mail/{action}")
    String ask(@PathVariable String action, @RequestParam("t") String token, Model model) {
        LinkCheck check = links.check(token, linkAction(action));
        return page(model, action, check.valid() ? "ask" : "refused", token, check);
    }

    @PostMapping("/links/mail/{action}")
    String answer(@PathVariable String action, @RequestParam("t") String token,
                  @RequestParam(name = "comment", required = false) String comment, Model model) {
        LinkCheck check = links.use(token, linkAction(action));
        if (!check.valid()) {
            return page(model, action, "refused", token, check);
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("clientAnswer", "approve".equals(action) ? "approve" : "change");
        answer.put("clientComment", comment == null || comment.isBlank() ? null : comment.strip());
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(check.subject()).setVariables(answer).correlate();
        } catch (MismatchingMessageCorrelationException answeredAlready) {
            model.addAttribute("reason", "Ce brouillon n'attend plus votre réponse : le secrétariat l'a déjà traité avec vous.");
            return page(model, action, "refused", token, check);
        }
        return page(model, action, "done", token, check);
    }

    private static String linkAction(String action) {
        return switch (action) {
            case "approve" -> ClientApprovals.APPROVE;
            case "change" -> ClientApprovals.CHANGE;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such link");
        };
    }

    private static String page(Model model, String action, String state, String token, LinkCheck check) {
        model.addAttribute("action", action);
        model.addAttribute("approve", "approve".equals(action));
        model.addAttribute("state", state);
        model.addAttribute("token", token);
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", switch (check.outcome()) {
                case EXPIRED -> "Il a expiré.";
                case USED -> "Il a déjà servi.";
                default -> "Il n'est pas valable.";
            });
        }
        return "links/mail-answer";
    }
}
