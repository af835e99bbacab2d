package org.securebase.platform.web.problem;

/** 413: a text or upload is longer than the service accepts. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail) {
        super(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }
}
