package org.permanence.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams managers read in Modeler are laid out for people: no label sits over a line or over another
 * shape, no word is cut at a label's edge, names are words rather than expressions ({@code ${clientName}}),
 * and each process and each of its tasks says in French what it is for ({@code <documentation>}).
 */
@Tag("unit")
class DiagramsForPeopleTest {

    /** Modeler writes labels in 11 px Arial: a character is about 6.5 px wide on average, capitals and m/w more. */
    private static final double CHARACTER_WIDTH = 6.2;
    /** A few French words that any French sentence of a few words has at least one of. */
    private static final Pattern FRENCH = Pattern.compile("\\b(le|la|les|un|une|des|du|au|aux|et|est|sont|qui|que|son|sa|ses|leur)\\b");

    static Stream<Path> diagrams() throws IOException {
        return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void namesAreWordsNotExpressions(Path diagram) {
        BpmnModelInstance model = read(diagram);
        List<String> withExpressions = new ArrayList<>();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String name = element.getAttributeValue("name");
            if (name != null && (name.contains("${") || name.contains("#{"))) {
                withExpressions.add(element.getId() + ": " + name);
            }
        }
        assertThat(withExpressions).as(diagram + ": names with expressions").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void eachProcessAndTaskIsDocumentedInFrench(Path diagram) {
        BpmnModelInstance model = read(diagram);
        List<String> undocumented = new ArrayList<>();
        List<BaseElement> documented = new ArrayList<>(model.getModelElementsByType(Process.class));
        documented.addAll(model.getModelElementsByType(Activity.class));
        for (BaseElement element : documented) {
            String text = element.getDocumentations().stream().map(Documentation::getTextContent).reduce("", String::concat);
            if (!FRENCH.matcher(text.toLowerCase(Locale.FRENCH)).find()) {
                undocumented.add(element.getId() + (text.isBlank() ? " (none)" : ": " + text));
            }
        }
        assertThat(undocumented).as(diagram + ": without French documentation").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noLabelSitsOverALineOrAShape(Path diagram) {
        BpmnModelInstance model = read(diagram);
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        List<String> overlaps = new ArrayList<>();
        for (BpmnLabel label : model.getModelElementsByType(BpmnLabel.class)) {
            Bounds box = label.getBounds();
            if (box == null) {
                continue;
            }
            String owner = label.getParentElement().getAttributeValue("bpmnElement");
            for (BpmnShape shape : shapes) {
                // a sub-process holds its tasks' labels; an expanded one is a frame, not something to cover
                if (!isExpanded(shape) && intersects(box, shape.getBounds())) {
                    overlaps.add(owner + "'s label over " + shape.getBpmnElement().getId());
                }
            }
            for (BpmnEdge edge : edges) {
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 1; i < points.size(); i++) {
                    if (crosses(box, points.get(i - 1), points.get(i))) {
                        overlaps.add(owner + "'s label over the line " + edge.getBpmnElement().getId());
                        break;
                    }
                }
            }
        }
        assertThat(overlaps).as(diagram + ": labels over lines or shapes").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noWordIsCutAtALabelsEdge(Path diagram) {
        BpmnModelInstance model = read(diagram);
        List<String> cut = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            String name = shape.getBpmnElement().getAttributeValue("name");
            if (name == null) {
                continue;
            }
            // a label of its own (events, gateways) or the shape's box less its padding (tasks)
            double width = shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
                    ? shape.getBpmnLabel().getBounds().getWidth() : shape.getBounds().getWidth() - 10;
            longestWordOver(name, width).ifPresent(word -> cut.add(shape.getBpmnElement().getId() + ": " + word));
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            String name = edge.getBpmnElement().getAttributeValue("name");
            if (name != null && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                longestWordOver(name, edge.getBpmnLabel().getBounds().getWidth())
                        .ifPresent(word -> cut.add(edge.getBpmnElement().getId() + ": " + word));
            }
        }
        assertThat(cut).as(diagram + ": words wider than their label").isEmpty();
    }

    private static BpmnModelInstance read(Path diagram) {
        return Bpmn.readModelFromFile(diagram.toFile());
    }

    private static java.util.Optional<String> longestWordOver(String name, double width) {
        return Stream.of(name.split("\\s+")).filter(word -> word.length() * CHARACTER_WIDTH > width).findFirst();
    }

    private static boolean isExpanded(BpmnShape shape) {
        return Boolean.TRUE.equals(shape.isExpanded()) || shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess
                || shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Participant
                || shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Lane;
    }

    private static boolean intersects(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    /** Whether the segment from p to q passes through the box (lines are drawn horizontal or vertical, or nearly). */
    private static boolean crosses(Bounds box, Waypoint p, Waypoint q) {
        double x0 = box.getX(), y0 = box.getY(), x1 = x0 + box.getWidth(), y1 = y0 + box.getHeight();
        // sampled every pixel or so: exact enough for boxes a few pixels apart
        double length = Math.hypot(q.getX() - p.getX(), q.getY() - p.getY());
        int steps = Math.max(1, (int) Math.ceil(length));
        for (int i = 0; i <= steps; i++) {
            double x = p.getX() + (q.getX() - p.getX()) * i / steps;
            double y = p.getY() + (q.getY() - p.getY()) * i / steps;
            if (x > x0 && x < x1 && y > y0 && y < y1) {
                return true;
            }
        }
        return false;
    }
}
