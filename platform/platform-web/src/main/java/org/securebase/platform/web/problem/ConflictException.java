package org.securebase.platform.web.problem;

/** 409: the request clashes with the current state, e.g. a concurrent edit or a duplicate. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
