package org.permanence.screenpop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How new calls reach the secretaries' open Tasklists: how often each engine node looks for new
 * *Traiter l'appel* tasks in the engine's task table (whichever node created them), and how long one
 * stream stays open before the browser opens the next one (and is signed in again).
 */
@ConfigurationProperties("permanence.screen-pop")
public record ScreenPopProperties(Duration pollEvery, Duration streamLifetime) {

    public ScreenPopProperties {
        pollEvery = pollEvery == null ? Duration.ofMillis(200) : pollEvery;
        streamLifetime = streamLifetime == null ? Duration.ofMinutes(10) : streamLifetime;
    }
}
