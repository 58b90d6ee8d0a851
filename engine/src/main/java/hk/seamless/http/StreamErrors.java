package hk.seamless.http;

import hk.seamless.lane.plate.InvalidPlateDocumentException;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import java.util.List;

/** A refused message on a socket: the same problem shape as HTTP, with {@code "kind": "error"}. */
final class StreamErrors {

    private StreamErrors() {}

    static String of(int status, String detail, List<FieldError> errors) {
        return Problem.of(status, status == 400 ? "Invalid message" : "Refused", detail, errors)
                .put("kind", "error")
                .encode();
    }

    static String of(RuntimeException e) {
        if (e instanceof InvalidInputException i) {
            return of(400, "the message has invalid fields", i.errors());
        }
        if (e instanceof InvalidPlateDocumentException p) {
            return of(
                    400,
                    "the plate read is not a valid alpr_results document",
                    List.of(new FieldError(p.field(), p.reason())));
        }
        if (e instanceof HttpProblem h) {
            return of(h.status(), h.getMessage(), h.errors());
        }
        return of(500, "the engine failed on this message; this is a defect", List.of());
    }
}
