package org.securebase.platform.web.problem;

/** 410: what the request names existed and is gone for good, e.g. a download link that expired. */
public class GoneException extends ProblemException {

    public GoneException(String detail) {
        super(ProblemType.GONE, detail);
    }
}
