package org.permanence.modelling;

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
import org.springframework.web.server.ResponseStatusException;

/** The topics served by workers outside the jar: managers read and change them (security/OfficeAccess). */
@RestController
@EngineNode
@RequestMapping("/api/outside-topics")
class OutsideTopicController {

    private final OutsideTopics topics;

    OutsideTopicController(OutsideTopics topics) {
        this.topics = topics;
    }

    @GetMapping
    List<OutsideTopic> list() {
        return topics.all();
    }

    @GetMapping("/{topic}")
    OutsideTopic get(@PathVariable String topic) {
        return topics.find(topic)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No topic '" + topic + "' declared served outside"));
    }

    @PutMapping("/{topic}")
    OutsideTopic declare(SignedInUser manager, @PathVariable String topic, @Valid @RequestBody OutsideTopicDeclaration declaration) {
        return topics.declare(topic, declaration, manager.id());
    }

    @DeleteMapping("/{topic}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String topic) {
        topics.withdraw(topic);
    }
}
