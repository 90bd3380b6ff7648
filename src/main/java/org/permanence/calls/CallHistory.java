package org.permanence.calls;

import java.util.ArrayList;
import java.util.List;

import org.permanence.clients.PhoneNumbers;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The calls a person may look through: a secretary those of the clients she serves, a manager every
 * call, including those that came in on a line that is no client's.
 */
@Service
@EngineNode
public class CallHistory {

    private final CallRecords records;

    CallHistory(CallRecords records) {
        this.records = records;
    }

    public CallPage search(SignedInUser user, String clientId, String caller, int page) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(FieldProblem.of("page", "page.negative", "must be 0 or more; the first page is 0"));
        }
        boolean byCaller = caller != null && !caller.isBlank();
        if (byCaller && PhoneNumbers.e164(caller).isEmpty()) {
            problems.add(FieldProblem.of("caller", "phoneNumber.invalid",
                    "'" + caller + "' is not a phone number; write it as 06 12 34 56 78 or +33 6 12 34 56 78", caller));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return records.search(clientsToSearch(user, clientId), byCaller ? caller : null, page);
    }

    private static List<String> clientsToSearch(SignedInUser user, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            if (!user.serves(clientId)) {
                // a client she does not serve is answered like a missing one: no probing for names
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No client '" + clientId + "'");
            }
            return List.of(clientId);
        }
        return user.isManager() ? null : user.clients();
    }
}
