package org.permanence.mail;

import org.permanence.system.PermanenceProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "permanence.mail.embedded", havingValue = "true")
class MailConfiguration {

    @Bean
    MailFolder mailFolder(PermanenceProperties permanence) {
        return new MailFolder(permanence.dataDir().resolve("mail").toAbsolutePath());
    }

    @Bean
    EmbeddedMailServer embeddedMailServer(MailProperties properties, MailFolder folder) {
        return new EmbeddedMailServer(properties, folder);
    }
}
