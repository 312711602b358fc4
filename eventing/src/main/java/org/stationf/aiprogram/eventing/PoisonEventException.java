package org.stationf.aiprogram.eventing;

/**
 * An event that can never be processed (unparseable, of an unknown type, or with invalid data).
 * Thrown out of a consumer it sends the record to the consumer's dead-letter topic, the message as its reason,
 * and the partition moves on.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
