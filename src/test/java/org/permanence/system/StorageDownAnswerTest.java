package org.permanence.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whatever endpoint stores a file answers 503 with a retry hint when the object store is down, and says nothing was stored. */
@Tag("unit")
class StorageDownAnswerTest {

    @RestController
    static class Upload {
        @PostMapping("/upload")
        void store() {
            throw new ObjectStorageUnavailable("Object storage unreachable (bucket permanence): Connection refused",
                    new IOException("Connection refused"));
        }
    }

    @Test
    void anUploadWhileStorageIsDownAnswers503WithRetryAfter() throws Exception {
        FieldProblems says = new FieldProblems(ProblemTexts.texts(), Validation.buildDefaultValidatorFactory().getValidator());
        MockMvc api = MockMvcBuilders.standaloneSetup(new Upload()).setControllerAdvice(new ApiErrors(says)).build();

        api.perform(post("/upload"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value("Document storage is unavailable right now; nothing was stored. Try again in a minute."));
    }
}
