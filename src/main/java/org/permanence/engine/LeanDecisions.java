package org.permanence.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Decision tables (the call's routing) evaluated at their own cost: given only the variables they name
 * ({@link DecisionVariables}) and with their FEEL parsed once ({@link FeelParsedOnce}). The decision is still
 * the deployed DMN, evaluated by Camunda's DMN engine with its history; only what it is handed changes.
 * Public: the process tests' engine ({@code process-tests.camunda.cfg.xml}) evaluates tables the same way.
 * See docs/decisions/0010-decisions-given-what-they-name.md.
 */
@Component
@EngineNode
public class LeanDecisions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        // read when the engine builds its DMN engine, after it has handed over the FEEL function providers
        dmn.setFeelEngineFactory(() -> new FeelParsedOnce(dmn.getFeelCustomFunctionProviders()));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnEngine(new DecisionVariables(configuration.getDmnEngineConfiguration()));
    }
}
