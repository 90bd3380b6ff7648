package org.permanence.screenpop;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The calls ringing for the clients she serves, pushed to her open Tasklist as server-sent events
 * ({@code event: call}, data: a {@link RingingCall}), which the Tasklist plugin {@code screen-pop.js} turns
 * into a refreshed list, a sound and a desktop notification. Only an event stream is answered: a script or
 * a link asking for anything else would hold a connection open for nothing.
 */
@RestController
@EngineNode
class RingingCallsController {

    private final NewCallsWatch watch;
    private final ScreenPopProperties properties;
    private final MessageSource texts;

    RingingCallsController(NewCallsWatch watch, ScreenPopProperties properties, MessageSource texts) {
        this.watch = watch;
        this.properties = properties;
        this.texts = texts;
    }

    @GetMapping("/api/me/ringing-calls")
    SseEmitter ringingCalls(SignedInUser user, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE,
                    texts.getMessage("ringingCalls.eventStreamOnly", null, LocaleContextHolder.getLocale()));
        }
        // the stream ends after a while and the browser opens another: she is signed in again, with her clients of then
        SseEmitter stream = new SseEmitter(properties.streamLifetime().toMillis());
        NewCallsWatch.Subscription subscription = watch.listen(user, call -> {
            try {
                stream.send(SseEmitter.event().id(call.taskId()).name("call").data(call, MediaType.APPLICATION_JSON));
            } catch (IOException gone) {
                throw new UncheckedIOException(gone);
            }
        }, stream::complete);
        stream.onCompletion(subscription::close);
        stream.onTimeout(subscription::close);
        stream.onError(error -> subscription.close());
        // sent at once, so that the browser knows it is listening (and the headers leave now)
        stream.send(SseEmitter.event().name("listening").data(user.id()));
        return stream;
    }
}
