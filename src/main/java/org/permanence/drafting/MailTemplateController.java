package org.permanence.drafting;

import java.util.List;

import jakarta.validation.Valid;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A client's mail templates: the secretaries who serve it read them, managers change them. */
@RestController
@EngineNode
@RequestMapping("/api/clients/{id}/templates")
class MailTemplateController {

    private final ClientAccess access;
    private final MailTemplates templates;

    MailTemplateController(ClientAccess access, MailTemplates templates) {
        this.access = access;
        this.templates = templates;
    }

    @GetMapping
    List<MailTemplate> list(SignedInUser user, @PathVariable String id) {
        return templates.all(access.served(user, id));
    }

    @GetMapping("/{code}")
    MailTemplate get(SignedInUser user, @PathVariable String id, @PathVariable String code) {
        return templates.get(access.served(user, id), code);
    }

    @PutMapping("/{code}")
    MailTemplate save(SignedInUser user, @PathVariable String id, @PathVariable String code, @Valid @RequestBody MailTemplate template) {
        return templates.save(access.served(user, id), code, template);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(SignedInUser user, @PathVariable String id, @PathVariable String code) {
        templates.delete(access.served(user, id), code);
    }
}
