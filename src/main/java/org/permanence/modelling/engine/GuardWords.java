package org.permanence.modelling.engine;

import java.util.Locale;

import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.MessageSource;

/**
 * The deployment guard's words ({@code i18n/guard*.properties}) in the language of the manager who
 * deploys ({@link DeployersLanguage}), chosen once per deployment. Element labels are words too: a
 * French manager reads « Vérifier le fax » (CheckFax), an English one "Vérifier le fax" (CheckFax).
 */
record GuardWords(MessageSource texts, Locale language) {

    String say(String code, Object... arguments) {
        return texts.getMessage(code, arguments, language);
    }

    /** Name and id, or the bare id of an unnamed element. */
    String label(ModelElementInstance element) {
        String name = element.getAttributeValue("name");
        String id = element.getAttributeValue("id");
        return isBlank(name) ? id : say("guard.named", name, id);
    }

    /** Name (or, for a table's input, label) and id, as Modeler shows them; an unnamed element's id quoted. */
    String labelOrQuotedId(ModelElementInstance element) {
        String name = element.getAttributeValue("name");
        if (isBlank(name)) {
            name = element.getAttributeValue("label");
        }
        String id = element.getAttributeValue("id");
        return isBlank(name) ? say("guard.quoted", id) : say("guard.named", name, id);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
