package org.permanence.appointments;

import java.util.Optional;

import org.permanence.links.LinkProperties;
import org.permanence.links.SignedLinks;
import org.springframework.stereotype.Component;

/**
 * The caller's links for one appointment, signed for what it is now: the subject carries the
 * appointment's SEQUENCE, so once it moved, the links of the earlier mail no longer act on it. Each
 * is valid until the appointment starts.
 */
@Component
class AppointmentLinks {

    /** What a caller may do with a link, and where the page for it is. */
    enum Action {
        CONFIRM("confirm"), CANCEL("cancel"), RESCHEDULE("reschedule");

        final String path;

        Action(String path) {
            this.path = path;
        }

        /** The action signed into the link: namespaced, so no other feature's link passes for one. */
        String signed() {
            return "appointment-" + path;
        }
    }

    /** The appointment a link's subject names, and the version of it the link was sent for. */
    record Subject(String appointmentId, int sequence) {

        static Optional<Subject> of(String subject) {
            int colon = subject == null ? -1 : subject.lastIndexOf(':');
            try {
                return colon < 1 ? Optional.empty()
                        : Optional.of(new Subject(subject.substring(0, colon), Integer.parseInt(subject.substring(colon + 1))));
            } catch (NumberFormatException notOurs) {
                return Optional.empty();
            }
        }
    }

    static final String PATH = "/rdv/";

    private final SignedLinks links;
    private final LinkProperties properties;

    AppointmentLinks(SignedLinks links, LinkProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    String url(Appointment appointment, Action action) {
        String token = links.sign(appointment.id() + ":" + appointment.sequence(), action.signed(), appointment.start());
        return properties.at(PATH + action.path + "?t=" + token);
    }
}
