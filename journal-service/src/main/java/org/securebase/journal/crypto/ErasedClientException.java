package org.securebase.journal.crypto;

import java.util.UUID;

import org.securebase.platform.web.problem.NotFoundException;

/**
 * The client was erased: their key is destroyed, so nothing of theirs can be read or written any more. A request
 * that reaches their data is answered as for anything that does not exist (a 404 that does not say why, so nobody
 * learns that the person was ever here). The message, for logs, names the client's id only.
 */
public final class ErasedClientException extends NotFoundException {

    private final UUID clientId;

    ErasedClientException(UUID clientId) {
        super();
        this.clientId = clientId;
    }

    public UUID clientId() {
        return clientId;
    }

    /** The answer's detail stays the plain 404's; only the message, for logs, names the client. */
    @Override
    public String detail() {
        return NotFoundException.DEFAULT_DETAIL;
    }

    @Override
    public String getMessage() {
        return "client " + clientId + " was erased; their key is destroyed";
    }
}
