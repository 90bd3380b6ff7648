package org.permanence.manage;

import org.permanence.people.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The managers' API and pages answer managers only; a secretary gets 403, with the reason. */
public final class Managers {

    private Managers() {
    }

    public static void require(SignedInUser user, String what) {
        if (!user.isManager()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only managers " + what);
        }
    }
}
