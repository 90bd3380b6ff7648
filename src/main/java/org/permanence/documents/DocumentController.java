package org.permanence.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.permanence.people.SignedInUser;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Documents for the people who serve the client: upload one (multipart field {@code file}), list
 * them, see a document's first-page preview (the picture in the Classify document form).
 */
@RestController
@EngineNode
class DocumentController {

    private final DocumentIntake intake;
    private final DocumentRecords records;
    private final ObjectStorage objects;

    DocumentController(DocumentIntake intake, DocumentRecords records, ObjectStorage objects) {
        this.intake = intake;
        this.records = records;
        this.objects = objects;
    }

    @PostMapping(path = "/api/clients/{clientId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentIntake.Receipt> upload(SignedInUser user, @PathVariable String clientId, @RequestParam("file") MultipartFile file) {
        mustServe(user, clientId);
        DocumentIntake.Receipt receipt = intake.receive(clientId, file.getOriginalFilename(), bytes(file), DocumentIntake.Source.UPLOAD, user.id());
        return ResponseEntity.status(receipt.copy() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @GetMapping("/api/clients/{clientId}/documents")
    List<StoredDocument> list(SignedInUser user, @PathVariable String clientId) {
        mustServe(user, clientId);
        return records.ofClient(clientId);
    }

    @GetMapping("/api/documents/{documentId}/preview")
    ResponseEntity<byte[]> preview(SignedInUser user, @PathVariable String documentId) {
        StoredDocument document = records.find(documentId)
                .filter(d -> user.serves(d.clientId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + documentId + " among your clients'"));
        byte[] png = objects.get(DocumentObjects.preview(document.clientId(), documentId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Document " + documentId + " has no preview (yet)"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    private static void mustServe(SignedInUser user, String clientId) {
        if (!user.serves(clientId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You do not serve client " + clientId);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
