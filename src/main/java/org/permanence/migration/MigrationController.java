package org.permanence.migration;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.manage.engine.PageTexts;
import org.permanence.migration.engine.ProcessMigration;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Moving running instances to a process's newest version, for managers: the API
 * ({@code GET} previews, {@code POST} moves, {@code ?mode=batch} through an engine batch) and its page.
 */
@Controller
@EngineNode
class MigrationController {

    private final ProcessMigration migration;
    private final PageTexts texts;

    MigrationController(ProcessMigration migration, PageTexts texts) {
        this.migration = migration;
        this.texts = texts;
    }

    @GetMapping("/api/processes/{key}/migration")
    @ResponseBody
    MigrationPreview preview(SignedInUser user, @PathVariable String key) {
        return migration.preview(key);
    }

    @PostMapping("/api/processes/{key}/migration")
    @ResponseBody
    ResponseEntity<MigrationOutcome> migrate(SignedInUser user, @PathVariable String key,
                                             @RequestParam(defaultValue = "sync") String mode) {
        boolean asBatch = "batch".equals(mode);
        MigrationOutcome outcome = migration.migrate(key, asBatch);
        return ResponseEntity.status(asBatch ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome);
    }

    @GetMapping("/manage/processes/{key}/migration")
    String page(SignedInUser user, @PathVariable String key, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        model.addAttribute("preview", migration.preview(key));
        return "manage/migration";
    }

    @PostMapping("/manage/processes/{key}/migration")
    String migrateFromPage(SignedInUser user, @PathVariable String key, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        model.addAttribute("outcome", migration.migrate(key, false));
        model.addAttribute("preview", migration.preview(key));
        return "manage/migration";
    }
}
