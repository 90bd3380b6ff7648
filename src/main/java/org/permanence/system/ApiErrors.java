package org.permanence.system;

import java.net.URI;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refused request gets an RFC 9457 problem saying what was wrong; field problems are listed
 * under {@code errors} as {@code {field, message, code}} so a form can show them next to the field.
 */
@RestControllerAdvice(basePackages = "org.permanence")
class ApiErrors extends ResponseEntityExceptionHandler {

    private final FieldProblems says;

    ApiErrors(FieldProblems says) {
        this.says = says;
    }

    /** Field problems in the language the request's locale resolver chose (the user's, else her browser's, else English). */
    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return withProblems(says.say(e.problems(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(ObjectStorageUnavailable.class)
    ResponseEntity<ProblemDetail> storageDown(ObjectStorageUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Document storage is unavailable right now; nothing was stored. Try again in a minute.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> says.say(error, LocaleContextHolder.getLocale()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(withProblems(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // Jackson's message names the field and the bad value; the cause chain adds class names nobody needs
        String reason = e.getMostSpecificCause().getMessage();
        int detailStart = reason == null ? -1 : reason.indexOf(" at [Source");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this resource: "
                        + (detailStart > 0 ? reason.substring(0, detailStart) : reason));
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail withProblems(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " fields are not valid");
        problem.setType(URI.create("urn:permanence:invalid-request"));
        problem.setProperty("errors", problems);
        return problem;
    }
}
