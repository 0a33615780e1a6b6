package io.salespulse.inventory.rest;

import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** 400 problems for parameters that Bean Validation cannot check on its own. */
final class BadRequests {
    /** Ids in paths and bodies: no whitespace or slashes, so that they are safe in URLs and keys. */
    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
    /** Lot codes as printed on goods: letters, digits and a few separators, up to 64 characters. */
    static final String LOT_CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9 ._:/#-]{0,63}$";

    private BadRequests() {
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400,
                "The request has 1 invalid field(s)", null, List.of(new Problem.FieldError(field, message))));
    }

    /** The constant named {@code value}, null for null; 400 naming the allowed values otherwise. */
    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String sort(String sort, Collection<String> allowed) {
        if (!allowed.contains(sort)) {
            throw invalid("sort", "must be one of " + new TreeSet<>(allowed));
        }
        return sort;
    }
}
