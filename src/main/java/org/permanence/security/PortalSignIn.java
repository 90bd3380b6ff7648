package org.permanence.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.permanence.people.Groups;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client portal's sign-in: a client's people sign in with their engine user and password, into the same
 * Camunda session the office's pages read ({@link TasklistSession}), so there is still one way to be signed in.
 * Only members of {@link Groups#CLIENT_USERS} may: anyone else is refused as for a wrong password, and the
 * sign-in throttle counts it (it knows this form, see {@code SignInAttempt}). French or English, as the browser asks.
 */
@Controller
@EngineNode
class PortalSignIn {

    static final String PATH = "/portail/connexion";

    private final ProcessEngine engine;
    private final IdentityService identity;

    PortalSignIn(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    @GetMapping(PATH)
    String page(HttpServletRequest request, Model model) {
        model.addAttribute("lang", PageWords.speak(request, PageWords.language(null, request, "fr")).getLanguage());
        return "portal/sign-in";
    }

    @PostMapping(PATH)
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!clientUser(username) || !identity.checkPassword(username, password)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("refused", true);
            return page(request, model);
        }
        UserAuthentication signedIn = AuthenticationUtil.createAuthentication(engine, username);
        // a new session id, as Camunda's own login does: a session planted before the sign-in is worth nothing after
        AuthenticationUtil.revalidateSession(request, signedIn);
        HttpSession session = request.getSession();
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        authentications.addOrReplace(signedIn);
        AuthenticationUtil.updateSession(session, authentications);
        return "redirect:/portail";
    }

    @PostMapping("/portail/deconnexion")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + PATH;
    }

    private boolean clientUser(String username) {
        return !username.isBlank() && identity.createUserQuery().userId(username).memberOfGroup(Groups.CLIENT_USERS).count() == 1;
    }
}
