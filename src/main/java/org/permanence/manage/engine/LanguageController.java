package org.permanence.manage.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The language a user chose for the office's pages, kept in her engine profile; none: her browser's. */
@RestController
@EngineNode
class LanguageController {

    record Language(String language) {
    }

    private final IdentityService identity;

    LanguageController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/api/me/language")
    Map<String, String> get(SignedInUser user) {
        String language = identity.getUserInfo(user.id(), PageTexts.PROFILE_LANGUAGE);
        return language == null ? Map.of() : Map.of("language", language);
    }

    @PutMapping("/api/me/language")
    Language set(SignedInUser user, @RequestBody Language chosen) {
        if (chosen.language() == null || !PageTexts.LANGUAGES.contains(chosen.language())) {
            throw new InvalidRequest(List.of(FieldProblem.of("language", "language.unknown", "must be one of " + PageTexts.LANGUAGES,
                    PageTexts.LANGUAGES.toString())));
        }
        identity.setUserInfo(user.id(), PageTexts.PROFILE_LANGUAGE, chosen.language());
        return chosen;
    }
}
