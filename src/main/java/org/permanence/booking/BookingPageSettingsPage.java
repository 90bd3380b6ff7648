package org.permanence.booking;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.ClientRepository;
import org.permanence.links.LinkProperties;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
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
 * "Réservation en ligne", for managers: each client's booking page on or off, which of its appointment
 * types callers may book there, its address and the snippet that embeds it in the client's website.
 * {@code /manage/booking-pages} lists the clients.
 */
@Controller
@EngineNode
class BookingPageSettingsPage {

    private final ClientRepository clients;
    private final BookingPages pages;
    private final LinkProperties links;
    private final PageTexts texts;

    BookingPageSettingsPage(ClientRepository clients, BookingPages pages, LinkProperties links, PageTexts texts) {
        this.clients = clients;
        this.pages = pages;
        this.links = links;
        this.texts = texts;
    }

    @GetMapping("/manage/booking-pages")
    String clients(SignedInUser user, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        List<Client> all = clients.findAll();
        model.addAttribute("clients", all);
        model.addAttribute("enabled", all.stream().filter(client -> pages.of(client.id()).enabled()).map(Client::id).toList());
        return "booking/manage-clients";
    }

    @GetMapping("/manage/clients/{clientId}/booking-page")
    String page(SignedInUser user, @PathVariable String clientId, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        Client client = known(user, clientId);
        String address = links.at(BookingPage.PATH + client.id());
        model.addAttribute("client", client);
        model.addAttribute("settings", pages.of(clientId));
        model.addAttribute("address", address);
        model.addAttribute("snippet", snippet(client, address));
        return "booking/manage";
    }

    /** {@code enabled} ticked or not, and the ticked {@code type}s among the client's own. */
    @PostMapping("/manage/clients/{clientId}/booking-page")
    String save(SignedInUser user, @PathVariable String clientId, @RequestParam(name = "enabled", required = false) String enabled,
                @RequestParam(name = "type", required = false) List<String> typed) {
        Client client = known(user, clientId);
        List<String> offered = client.appointmentTypes().stream().map(AppointmentType::code)
                .filter(code -> typed != null && typed.contains(code)).toList();
        pages.save(clientId, new BookingPageSettings(enabled != null, offered), user.id(), Instant.now());
        return "redirect:/manage/clients/" + clientId + "/booking-page?saved";
    }

    /**
     * The iframe the client's webmaster pastes: the page's address, a title in the client's language that
     * screen readers announce for the frame, and a height that fits a day of slots on a phone without a
     * second scroll bar for most. Attributes only: the client's site may forbid inline styles.
     */
    private String snippet(Client client, String address) {
        String title = texts.text(client.language(), "booking.title").replace("{0}", client.name())
                .replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return "<iframe src=\"" + address + "\" title=\"" + title + "\" width=\"100%\" height=\"760\" frameborder=\"0\" loading=\"lazy\"></iframe>";
    }

    private Client known(SignedInUser user, String clientId) {
        return clients.findById(clientId).filter(client -> user.serves(client.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId));
    }
}
