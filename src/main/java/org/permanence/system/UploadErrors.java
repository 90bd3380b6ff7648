package org.permanence.system;

import java.util.List;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The problems of an upload that Spring refuses while taking the multipart body apart, before any
 * controller is chosen: {@link ApiErrors} serves only our controllers' packages, so without this an
 * over-size file answered 413 with an empty body and a NUL in a file name (which Tomcat refuses) a
 * 500. Said like every field problem, in the user's language, on field {@code file}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private final FieldProblems says;
    private final MultipartProperties multipart;

    UploadErrors(FieldProblems says, MultipartProperties multipart) {
        this.says = says;
        this.multipart = multipart;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        long megabytes = multipart.getMaxFileSize().toMegabytes();
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, FieldProblem.of("file", "upload.tooLarge",
                "the file is larger than the " + megabytes + " MB an upload may have", megabytes));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        if (hasCause(e, InvalidFileNameException.class)) {
            return problem(HttpStatus.BAD_REQUEST, FieldProblem.of("file", "upload.fileName.invalid",
                    "the file name contains a control character (such as NUL): rename the file and send it again"));
        }
        return problem(HttpStatus.BAD_REQUEST, FieldProblem.of("file", "upload.malformed",
                "the upload is not a well-formed multipart form"));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, FieldProblem problem) {
        FieldProblem said = says.say(problem, LocaleContextHolder.getLocale());
        ProblemDetail body = ApiErrors.withProblems(List.of(said));
        body.setStatus(status.value());
        body.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(body);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
