package org.permanence.migration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * ({@code GET} previews, {@code POST} moves, {@code ?mode=batch} through an engine batch) and its pages —
 * the preview, then a confirmation naming the version and how many cases move and which cannot, and only
 * then the move. A process the office does not have gets a page saying so, with the ones it has.
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
    String page(SignedInUser user, @PathVariable String key, Model model, HttpServletRequest request, HttpServletResponse response) {
        return withPreview("manage/migration", user, key, model, request, response);
    }

    @GetMapping("/manage/processes/{key}/migration/confirm")
    String confirm(SignedInUser user, @PathVariable String key, Model model, HttpServletRequest request, HttpServletResponse response) {
        return withPreview("manage/migration-confirm", user, key, model, request, response);
    }

    /**
     * Moves the cases once the manager has confirmed the version she was shown; if a newer one was deployed
     * since, she is asked again (409) rather than moving cases to a version she has not seen.
     */
    @PostMapping("/manage/processes/{key}/migration")
    String migrateFromPage(SignedInUser user, @PathVariable String key, @RequestParam(required = false) Integer confirmedVersion,
                           Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!migration.exists(key)) {
            return unknown(user, key, model, request, response);
        }
        texts.addTo(model, user, request);
        MigrationPreview preview = migration.preview(key);
        if (confirmedVersion == null || confirmedVersion != preview.newestVersion()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("preview", preview);
            model.addAttribute("changed", confirmedVersion != null);
            return "manage/migration-confirm";
        }
        model.addAttribute("outcome", migration.migrate(key, false));
        model.addAttribute("preview", migration.preview(key));
        return "manage/migration";
    }

    private String withPreview(String view, SignedInUser user, String key, Model model, HttpServletRequest request,
                               HttpServletResponse response) {
        if (!migration.exists(key)) {
            return unknown(user, key, model, request, response);
        }
        texts.addTo(model, user, request);
        model.addAttribute("preview", migration.preview(key));
        return view;
    }

    private String unknown(SignedInUser user, String key, Model model, HttpServletRequest request, HttpServletResponse response) {
        texts.addTo(model, user, request);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("key", key);
        model.addAttribute("processes", migration.processes());
        return "manage/unknown-process";
    }
}
