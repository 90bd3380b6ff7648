package org.permanence.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * A task's name in Tasklist says which case it is ("Traiter l'appel — Plomberie Leroy"), while its name in
 * the diagram stays words a manager reads in Modeler ("Traiter l'appel"): the detail is the user task's
 * extension property {@code detail} (such as {@code ${clientName}}), added after a dash when the task is
 * created. Public: the process tests' engine ({@code process-tests.camunda.cfg.xml}) names tasks the same way.
 */
@Component
@EngineNode
public class TaskNameDetails extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "detail";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                String name = userTask.attribute("name");
                String detail = detail(userTask);
                if (name != null && detail != null) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .setNameExpression(configuration.getExpressionManager().createExpression(name + " — " + detail));
                }
            }
        });
    }

    private static String detail(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> PROPERTY.equals(property.attribute("name")))
                .map(property -> property.attribute("value")).findFirst().orElse(null);
    }
}
