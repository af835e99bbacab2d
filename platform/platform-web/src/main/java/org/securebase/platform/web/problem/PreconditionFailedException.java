package org.securebase.platform.web.problem;

/** 412: an {@code If-Match} version no longer matches; the caller should reload and retry. */
public class PreconditionFailedException extends ProblemException {

    public static final String DEFAULT_DETAIL =
            "The resource was changed since you loaded it. Reload it and apply your change again.";

    public PreconditionFailedException() {
        this(DEFAULT_DETAIL);
    }

    public PreconditionFailedException(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
