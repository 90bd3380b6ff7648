package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An iCalendar object read line by line as RFC 5545 (section 3.1) writes it, without ical4j (which
 * writes ours and would forgive its own habits): CRLF line ends, unfolding, a property's name,
 * parameters (quoted or not) and value, and the component each line is in ("VCALENDAR/VEVENT").
 */
record IcsLines(List<Line> lines) {

    record Line(String component, String name, Map<String, String> parameters, String value) {

        Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.get(name));
        }

        /** A TEXT value as RFC 5545 3.3.11 escapes it, read back. */
        String text() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char escaped = value.charAt(++i);
                    text.append(escaped == 'n' || escaped == 'N' ? '\n' : escaped);
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }
    }

    static IcsLines read(String ics) {
        assertThat(ics).as("content lines end with CRLF").endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
        List<Line> lines = new ArrayList<>();
        List<String> components = new ArrayList<>();
        for (String unfolded : ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            Line line = parse(String.join("/", components), unfolded);
            if (line.name().equals("BEGIN")) {
                components.add(line.value());
            } else if (line.name().equals("END")) {
                assertThat(components.remove(components.size() - 1)).as("END matches its BEGIN").isEqualTo(line.value());
            } else {
                lines.add(line);
            }
        }
        assertThat(components).as("every component ended").isEmpty();
        return new IcsLines(lines);
    }

    private static Line parse(String component, String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
            i++;
        }
        String name = line.substring(0, i).toUpperCase();
        Map<String, String> parameters = new LinkedHashMap<>();
        while (i < line.length() && line.charAt(i) == ';') {
            int equals = line.indexOf('=', i);
            String parameter = line.substring(i + 1, equals).toUpperCase();
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                value.append(line, i + 1, close);
                i = close + 1;
            } else {
                while (line.charAt(i) != ';' && line.charAt(i) != ':') {
                    value.append(line.charAt(i++));
                }
            }
            parameters.put(parameter, value.toString());
        }
        assertThat(line.charAt(i)).as("a value follows the name and parameters in " + line).isEqualTo(':');
        return new Line(component, name, parameters, line.substring(i + 1));
    }

    /** The lines of this property in this component ("VCALENDAR/VEVENT"). */
    List<Line> all(String component, String name) {
        return lines.stream().filter(line -> line.component().equals(component) && line.name().equals(name)).toList();
    }

    Line one(String component, String name) {
        List<Line> all = all(component, name);
        assertThat(all).as("one " + name + " in " + component).hasSize(1);
        return all.get(0);
    }

    Line event(String name) {
        return one("VCALENDAR/VEVENT", name);
    }
}
