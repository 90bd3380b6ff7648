package org.permanence.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After the answer to a request whose body {@link SlowBodies} gave up on, Tomcat would read the rest
 * of the body ("swallow" it, up to server.tomcat.max-swallow-size) on the request thread, as slowly
 * as the client sends it: the thread the filter just freed would be held all the same. Servlets
 * cannot say "do not swallow"; Tomcat's own request can: the connection is closed after the answer.
 * An engine valve, first in Tomcat's pipeline, so this happens once the error pages are done and just
 * before the answer is finished, as Tomcat itself does for a refused upload (413).
 */
final class UnreadBodiesClose extends ValveBase {

    UnreadBodiesClose() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.getAttribute(SlowBodies.GIVEN_UP) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
