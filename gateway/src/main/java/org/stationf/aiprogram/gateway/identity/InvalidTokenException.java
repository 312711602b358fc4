package org.stationf.aiprogram.gateway.identity;

/** A bearer token that must be refused, with why. */
public class InvalidTokenException extends Exception {
    public InvalidTokenException(String reason) {
        super(reason);
    }
}
