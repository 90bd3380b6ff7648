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

/** A client's letterhead and logo: the secretaries who serve it read it, managers change it. */
@RestController
@EngineNode
@RequestMapping("/api/clients/{id}/letterhead")
class LetterheadController {

    private final ClientAccess access;
    private final Letterheads letterheads;

    LetterheadController(ClientAccess access, Letterheads letterheads) {
        this.access = access;
        this.letterheads = letterheads;
    }

    @GetMapping
    Letterhead get(SignedInUser user, @PathVariable String id) {
        return letterheads.of(access.read(user, id));
    }

    @PutMapping
    Letterhead save(SignedInUser user, @PathVariable String id, @Valid @RequestBody Letterhead letterhead) {
        return letterheads.save(access.manage(user, id, "a client's letterhead"), letterhead);
    }

    /** The logo, as the body of the request (a PNG or JPEG image of at most 1 MiB). */
    @PutMapping(path = "/logo", consumes = {"image/png", "image/jpeg"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveLogo(SignedInUser user, @PathVariable String id, @RequestBody byte[] image) {
        letterheads.saveLogo(access.manage(user, id, "a client's letterhead"), image);
    }
}
