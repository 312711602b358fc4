package org.stationf.aiprogram.applications.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** Membership of a reviewer in a call's review committee. */
@Entity
@Table(name = "call_reviewer")
@IdClass(CallReviewer.Key.class)
public class CallReviewer {

    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Id
    @Column(name = "reviewer_id")
    public UUID reviewerId;

    public record Key(UUID callId, UUID reviewerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
