package org.permanence.onboarding.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.DocumentCategory;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.drafting.Letterhead;
import org.permanence.drafting.Letterheads;
import org.permanence.people.Groups;
import org.permanence.people.PeopleProperties;
import org.permanence.people.engine.OfficeIdentity;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * A small office to try Permanence on: a GP practice, a law firm and a plumbing firm, two
 * secretaries who each serve two of them, one manager, and a call waiting for each client. Loaded
 * once, on the embedded default or when asked ({@code permanence.people.demo}); the passwords are
 * printed that one time.
 */
@Component
@EngineNode
public class DemoOffice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOffice.class);
    public static final String GP = "cabinet-martin";
    public static final String LAWYER = "durand-avocats";
    public static final String PLUMBER = "plomberie-leroy";

    private final Clients clients;
    private final ClientTenants tenants;
    private final OfficeIdentity office;
    private final RuntimeService runtime;
    private final PeopleProperties people;
    private final DataSourceProperties database;
    private final Letterheads letterheads;

    DemoOffice(Clients clients, ClientTenants tenants, OfficeIdentity office, RuntimeService runtime, PeopleProperties people,
               DataSourceProperties database, Letterheads letterheads) {
        this.clients = clients;
        this.tenants = tenants;
        this.office = office;
        this.runtime = runtime;
        this.people = people;
        this.database = database;
        this.letterheads = letterheads;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!people.loadsDemo(database.determineUrl()) || office.userExists("nadia")) {
            return;
        }
        Map<String, Letterhead> demoLetterheads = demoLetterheads();
        for (Client client : demoClients()) {
            // a letter without the sender's address would be the first thing a demo's reader notices
            letterheads.save(clients.store(client), demoLetterheads.get(client.id()));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("claire", person("claire", "Claire", "Moreau", Groups.SECRETARIES, GP, PLUMBER));
        passwords.put("sophie", person("sophie", "Sophie", "Bernard", Groups.SECRETARIES, LAWYER, PLUMBER));
        passwords.put("nadia", person("nadia", "Nadia", "Roux", Groups.MANAGERS));
        office.addToGroup("nadia", Groups.CAMUNDA_ADMIN, "Camunda administrators");
        call("+33145678910", "+33612345678");
        call("+33478123456", "06 98 76 54 32");
        call("+33556987654", "+33 7 11 22 33 44");
        StringBuilder banner = new StringBuilder("\n\n  Demo office loaded. Sign in at /camunda/app/tasklist/ with (shown this once):\n");
        passwords.forEach((user, password) -> banner.append("    ").append(user).append(" / ").append(password).append('\n'));
        banner.append("  claire serves ").append(GP).append(" and ").append(PLUMBER).append("; sophie serves ")
                .append(LAWYER).append(" and ").append(PLUMBER).append("; nadia is the manager.\n");
        log.info(banner.toString());
    }

    private String person(String id, String firstName, String lastName, String group, String... clientIds) {
        String password = people.demoPassword() == null || people.demoPassword().isBlank()
                ? OfficeIdentity.randomPassword() : people.demoPassword();
        office.user(id, firstName, lastName, id + "@permanence.local", password, List.of(group));
        for (String clientId : clientIds) {
            tenants.addSecretary(clientId, id);
        }
        return password;
    }

    private void call(String dialled, String caller) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("dialledNumber", dialled);
        variables.put("callerNumber", caller);
        runtime.startProcessInstanceByKey("call-intake", variables);
    }

    static Map<String, Letterhead> demoLetterheads() {
        return Map.of(
                GP, new Letterhead(List.of("12, rue des Lilas", "75011 Paris", "01 45 67 89 10"), "Paris", "Dr Claire Martin"),
                LAWYER, new Letterhead(List.of("4, quai Saint-Antoine", "69002 Lyon", "04 78 12 34 56"), "Lyon", "Maître Paul Durand"),
                PLUMBER, new Letterhead(List.of("27, cours de la Marne", "33800 Bordeaux", "05 56 98 76 54"), "Bordeaux", "Marc Leroy"));
    }

    static List<Client> demoClients() {
        List<OpeningHours> weekdays = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekdays.add(new OpeningHours(day, LocalTime.of(8, 30), LocalTime.of(12, 30)));
            weekdays.add(new OpeningHours(day, LocalTime.of(14, 0), LocalTime.of(18, 30)));
        }
        return List.of(
                new Client(GP, "Cabinet du Dr Martin", "fr", "Europe/Paris",
                        List.of(new PhoneLine("01 45 67 89 10", "Standard du cabinet")), weekdays,
                        List.of(new AppointmentType("consultation", "Consultation", 20, 0, 5, 60),
                                new AppointmentType("premiere-visite", "Première consultation", 40, 0, 10, 1440)),
                        new Briefing("Cabinet du docteur Martin, bonjour. Que puis-je pour vous ?",
                                "Douleur thoracique, difficulté à respirer, forte fièvre d'un nourrisson : orienter vers le 15 et prévenir le docteur.",
                                "Pharmacies et confrères uniquement ; jamais les laboratoires commerciaux.",
                                "Le docteur ne fait pas de visites à domicile le mercredi."),
                        new ContactRules("dr.martin@example.fr", "dr.martin.urgent@example.fr", MessageDelivery.DAILY_SUMMARY,
                                LocalTime.of(18, 45), 120, 15, List.of("resultat-analyse")),
                        List.of(new DocumentCategory("resultat-analyse", "Résultat d'analyse"),
                                new DocumentCategory("courrier-confrere", "Courrier d'un confrère"),
                                new DocumentCategory("facture", "Facture")),
                        new BigDecimal("0.80"), "le Cabinet du Dr Martin"),
                new Client(LAWYER, "Cabinet Durand Avocats", "fr", "Europe/Paris",
                        List.of(new PhoneLine("04 78 12 34 56", "Accueil"), new PhoneLine("04 78 12 34 57", "Ligne directe Me Durand")),
                        weekdays,
                        List.of(new AppointmentType("premier-rendez-vous", "Premier rendez-vous", 60, 15, 15, 1440)),
                        new Briefing("Cabinet Durand Avocats, bonjour.",
                                "Garde à vue, audience du jour, délai de procédure qui expire aujourd'hui.",
                                "Clients ayant un dossier ouvert et confrères ; jamais la presse.",
                                null),
                        new ContactRules("contact@durand-avocats.example.fr", "me.durand@durand-avocats.example.fr",
                                MessageDelivery.IMMEDIATELY, null, 240, 30, List.of("acte-procedure")),
                        List.of(new DocumentCategory("acte-procedure", "Acte de procédure"),
                                new DocumentCategory("contrat", "Contrat"),
                                new DocumentCategory("facture", "Facture")),
                        new BigDecimal("0.85"), "le Cabinet Durand Avocats"),
                new Client(PLUMBER, "Plomberie Leroy", "fr", "Europe/Paris",
                        List.of(new PhoneLine("05 56 98 76 54", "Dépannage")),
                        List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                                new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                                new OpeningHours(DayOfWeek.WEDNESDAY, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                                new OpeningHours(DayOfWeek.THURSDAY, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                                new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                                new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))),
                        List.of(new AppointmentType("devis", "Visite pour devis", 60, 30, 30, 240),
                                new AppointmentType("depannage", "Dépannage", 90, 30, 30, 60)),
                        new Briefing("Plomberie Leroy, bonjour, je vous écoute.",
                                "Fuite d'eau importante, plus d'eau chaude chez une personne âgée, odeur de gaz (dire d'appeler le 0 800 47 33 33).",
                                "Les chantiers en cours peuvent joindre M. Leroy ; les démarcheurs jamais.",
                                "Zone d'intervention : Bordeaux et 20 km autour."),
                        new ContactRules("contact@plomberie-leroy.example.fr", "leroy.astreinte@plomberie-leroy.example.fr",
                                MessageDelivery.IMMEDIATELY, null, 60, 10, List.of()),
                        List.of(new DocumentCategory("facture", "Facture"), new DocumentCategory("devis", "Devis")),
                        new BigDecimal("0.75"), "la Plomberie Leroy"));
    }
}
