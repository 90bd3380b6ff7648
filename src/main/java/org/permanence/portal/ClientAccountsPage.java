package org.permanence.portal;

import java.util.Locale;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.people.SignedInUser;
import org.permanence.people.engine.OfficeIdentity;
import org.permanence.portal.engine.ClientAccounts;
import org.permanence.system.EngineNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' page of a client's portal accounts (docs/managers.md): who of the client's people may sign in to
 * the portal, a new account (its password shown once, to be given to the person), and removing one. Managers only
 * (OfficeAccess: {@code /manage/**}).
 */
@Controller
@EngineNode
class ClientAccountsPage {

    private final ClientRepository clients;
    private final ClientAccounts accounts;
    private final MessageSource texts;

    ClientAccountsPage(ClientRepository clients, ClientAccounts accounts, MessageSource texts) {
        this.clients = clients;
        this.accounts = accounts;
        this.texts = texts;
    }

    /** Which client's accounts: the way in from the managers' menu. */
    @GetMapping("/manage/accounts")
    String clients(SignedInUser user, Model model) {
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("user", user);
        model.addAttribute("clients", clients.findAll());
        return "portal/account-clients";
    }

    @GetMapping("/manage/clients/{clientId}/accounts")
    String show(SignedInUser user, @PathVariable String clientId, Model model) {
        Client client = client(clientId);
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("user", user);
        model.addAttribute("client", client);
        model.addAttribute("accounts", accounts.of(client.id()));
        return "portal/accounts";
    }

    @PostMapping("/manage/clients/{clientId}/accounts")
    String create(@PathVariable String clientId, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String firstName,
                  @RequestParam(defaultValue = "") String lastName, @RequestParam(defaultValue = "") String email,
                  RedirectAttributes redirect) {
        Client client = client(clientId);
        Locale language = LocaleContextHolder.getLocale();
        String userId = id.strip().toLowerCase(Locale.ROOT);
        if (!userId.matches(ClientAccount.ID_PATTERN) || firstName.isBlank() || lastName.isBlank()) {
            redirect.addFlashAttribute("problem", texts.getMessage("accounts.incomplete", null, language));
            return "redirect:/manage/clients/" + client.id() + "/accounts";
        }
        ClientAccount account = new ClientAccount(userId, firstName.strip(), lastName.strip(), email.isBlank() ? null : email.strip());
        Optional<String> password = accounts.create(client.id(), account, OfficeIdentity.randomPassword());
        if (password.isEmpty()) {
            redirect.addFlashAttribute("problem", texts.getMessage("accounts.taken", new Object[] {userId}, language));
        } else {
            redirect.addFlashAttribute("created", userId);
            redirect.addFlashAttribute("password", password.get());
        }
        return "redirect:/manage/clients/" + client.id() + "/accounts";
    }

    @PostMapping("/manage/clients/{clientId}/accounts/{userId}/removal")
    String remove(@PathVariable String clientId, @PathVariable String userId) {
        Client client = client(clientId);
        if (!accounts.remove(client.id(), userId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account of this client");
        }
        return "redirect:/manage/clients/" + client.id() + "/accounts";
    }

    private Client client(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such client"));
    }
}
