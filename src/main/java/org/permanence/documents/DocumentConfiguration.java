package org.permanence.documents;

import org.permanence.system.PermanenceProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DocumentConfiguration {

    @Bean
    DocumentReader documentReader(DocumentProperties documents, PermanenceProperties permanence, MessageSource texts) {
        return new DocumentReader(documents, permanence.dataDir(), texts);
    }
}
