package org.permanence.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.permanence.clients.ClientRepository;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.permanence.system.PersonalDataRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.permanence.system.PageWords;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Documents for the people who serve the client: upload one (multipart field {@code file}), list
 * them, see a document's first-page preview (the picture in the Classify document form), re-classify
 * a filed one or have the client's secretaries check it in a task, see its corrections, give the
 * client a signed upload link and end one.
 */
@RestController
@EngineNode
class DocumentController {

    private final DocumentIntake intake;
    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final UploadLinks uploadLinks;
    private final ClientRepository clients;
    private final ApplicationEventPublisher events;
    private final DocumentCorrection correction;
    private final DocumentReviews reviews;
    private final PageTexts pageTexts;
    private final MessageSource texts;

    DocumentController(DocumentIntake intake, DocumentRecords records, ObjectStorage objects, UploadLinks uploadLinks,
                       ClientRepository clients, ApplicationEventPublisher events, DocumentCorrection correction,
                       DocumentReviews reviews, PageTexts pageTexts, MessageSource texts) {
        this.texts = texts;
        this.reviews = reviews;
        this.events = events;
        this.correction = correction;
        this.pageTexts = pageTexts;
        this.intake = intake;
        this.records = records;
        this.objects = objects;
        this.uploadLinks = uploadLinks;
        this.clients = clients;
    }

    /** What a new upload link may say: how many days it lasts (none: the default). */
    record UploadLinkRequest(Integer validForDays) {
    }

    /** The link to end: the address given to the client, or its {@code t=} token alone. */
    record RevokeRequest(String link) {
    }

    @PostMapping("/api/clients/{clientId}/upload-links")
    ResponseEntity<UploadLinks.UploadLink> newUploadLink(SignedInUser user, @PathVariable String clientId,
                                                         @RequestBody(required = false) UploadLinkRequest request) {
        mustServe(user, clientId);
        if (!clients.exists(clientId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(uploadLinks.create(clientId, request == null ? null : request.validForDays()));
    }

    @PostMapping("/api/clients/{clientId}/upload-links/revoke")
    ResponseEntity<Void> revokeUploadLink(SignedInUser user, @PathVariable String clientId, @RequestBody RevokeRequest request) {
        mustServe(user, clientId);
        String link = request.link() == null ? "" : request.link();
        String token = link.contains("t=") ? link.substring(link.indexOf("t=") + 2).split("&")[0] : link;
        return uploadLinks.revoke(clientId, token) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
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
        StoredDocument document = served(user, documentId);
        byte[] png = objects.get(DocumentObjects.preview(document.clientId(), documentId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Document " + documentId + " has no preview (yet)"));
        // the picture is the document's first page: a read (access log); the Classify document form shows it from here
        events.publishEvent(new PersonalDataRead(user.id(), document.clientId(), PersonalDataRead.Item.DOCUMENT, documentId,
                PersonalDataRead.Way.API));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    /** What a correction says: the category the document belongs to. */
    record CategoryChange(String category) {
    }

    @PostMapping("/api/documents/{documentId}/category")
    StoredDocument correct(SignedInUser user, @PathVariable String documentId, @RequestBody CategoryChange change) {
        return correction.correct(served(user, documentId), change.category(), user.id());
    }

    /** A Vérifier le classement task for the client's secretaries; the one already open if there is one (200). */
    @PostMapping("/api/documents/{documentId}/review")
    ResponseEntity<ReviewStart.Review> review(SignedInUser user, @PathVariable String documentId) {
        ReviewStart.Review review = reviews.ask(served(user, documentId), user.id());
        return ResponseEntity.status(review.alreadyAsked() ? HttpStatus.OK : HttpStatus.CREATED).body(review);
    }

    @GetMapping("/api/documents/{documentId}/corrections")
    List<DocumentRecords.Correction> corrections(SignedInUser user, @PathVariable String documentId) {
        return records.corrections(served(user, documentId).id());
    }

    /** The words of the documents page in her language (her profile's, else her browser's French or English, else French). */
    @GetMapping("/api/documents/texts")
    Map<String, Object> texts(SignedInUser user, HttpServletRequest request) {
        String language = pageTexts.languageOf(user, request);
        return Map.of("language", language, "texts", PageWords.all(texts, "i18n/documents", "", Locale.forLanguageTag(language)));
    }

    /** A document of a client she serves; any other is answered as if it did not exist. */
    private StoredDocument served(SignedInUser user, String documentId) {
        return records.find(documentId)
                .filter(d -> user.serves(d.clientId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + documentId + " among your clients'"));
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
