package org.securebase.platform.web.problem;

/**
 * 404. Also the answer for an object that exists but belongs to someone else, so ids cannot be
 * probed: never say which of the two it was.
 */
public class NotFoundException extends ProblemException {

    public static final String DEFAULT_DETAIL = "The requested resource does not exist.";

    public NotFoundException() {
        this(DEFAULT_DETAIL);
    }

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
