package org.permanence.drafting;

import jakarta.validation.Valid;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's writing settings: letterhead, logo and whether it approves drafts first. The secretaries
 * who serve it read them, managers change them.
 */
@RestController
@EngineNode
@RequestMapping("/api/clients/{id}")
class WritingSettingsController {

    private final ClientAccess access;
    private final Letterheads letterheads;
    private final DraftingSettings settings;

    WritingSettingsController(ClientAccess access, Letterheads letterheads, DraftingSettings settings) {
        this.access = access;
        this.letterheads = letterheads;
        this.settings = settings;
    }

    @GetMapping("/letterhead")
    Letterhead get(SignedInUser user, @PathVariable String id) {
        return letterheads.of(access.served(user, id));
    }

    @PutMapping("/letterhead")
    Letterhead save(SignedInUser user, @PathVariable String id, @Valid @RequestBody Letterhead letterhead) {
        return letterheads.save(access.served(user, id), letterhead);
    }

    /** The logo, as the body of the request (a PNG or JPEG image of at most 1 MiB). */
    @PutMapping(path = "/letterhead/logo", consumes = {"image/png", "image/jpeg"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveLogo(SignedInUser user, @PathVariable String id, @RequestBody byte[] image) {
        letterheads.saveLogo(access.served(user, id), image);
    }

    @GetMapping("/mail-drafting")
    DraftingSettings.Setting drafting(SignedInUser user, @PathVariable String id) {
        return settings.of(access.served(user, id).id());
    }

    @PutMapping("/mail-drafting")
    DraftingSettings.Setting saveDrafting(SignedInUser user, @PathVariable String id, @RequestBody DraftingSettings.Setting setting) {
        return settings.save(access.served(user, id).id(), setting);
    }
}
