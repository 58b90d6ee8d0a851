package hk.seamless.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void messageJoinsEveryFieldError() {
        var e = new InvalidInputException(List.of(
                new FieldError("consignor.name", "is required"), new FieldError("ccrns[2]", "must be 16 digits")));

        assertEquals("consignor.name: is required; ccrns[2]: must be 16 digits", e.getMessage());
    }

    @Test
    void singleFieldConvenienceConstructor() {
        var e = new InvalidInputException("vehicleMark", "is required");

        assertEquals(List.of(new FieldError("vehicleMark", "is required")), e.errors());
        assertEquals("vehicleMark: is required", e.getMessage());
    }

    @Test
    void errorsAreAnImmutableCopy() {
        List<FieldError> source = new ArrayList<>(List.of(new FieldError("ccrn", "is required")));
        var e = new InvalidInputException(source);
        source.add(new FieldError("other", "sneaked in"));

        assertEquals(1, e.errors().size());
        assertThrows(UnsupportedOperationException.class, () -> e.errors().add(new FieldError("x", "y")));
    }

    @Test
    void refusesAnEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidInputException(List.of()));
    }
}
