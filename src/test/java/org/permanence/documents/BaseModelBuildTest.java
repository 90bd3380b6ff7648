package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base model shipped in the product learns only from files whose licence lets it ship (labels.csv's licence column). */
@Tag("unit")
class BaseModelBuildTest {

    @TempDir
    Path corpus;

    @Test
    void onlyPermissivelyLicensedFilesAreLearntFrom() throws IOException {
        Path labels = labels("""
                file,label,source_repo,source_path,commit,licence,sha1
                contract/policy.pdf,contract,r,p,c,MIT,s
                bank_statement/statement.pdf,bank_statement,r,p,c,AGPL-3.0,s
                invoice/facture.pdf,invoice,r,p,c,Apache-2.0,s
                paper/article.pdf,paper,r,p,c,CC-BY-NC-4.0,s
                form/w9.pdf,form,r,p,c,MIT(repo); US public-sector doc,s
                """);

        assertThat(BaseModelBuild.accepted(labels)).extracting(f -> corpus.relativize(f.path()).toString(), LabelledFiles.LabelledFile::label)
                .containsExactly(tuple("contract/policy.pdf", "contract"),
                        tuple("invoice/facture.pdf", "invoice"),
                        tuple("form/w9.pdf", "form"));
    }

    @Test
    void aCorpusThatDoesNotSayItsLicencesIsRefused() throws IOException {
        Path labels = labels("file,label\ncontract/policy.pdf,contract\n");

        assertThatThrownBy(() -> BaseModelBuild.accepted(labels)).hasMessageContaining("no licence column");
    }

    private Path labels(String csv) throws IOException {
        return Files.writeString(corpus.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
    }
}
