package org.stationf.aiprogram.cohorts.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Where one member stands on one milestone, with its latest update and the admin's comment. */
@Entity
@Table(name = "member_milestone")
@IdClass(MemberMilestone.Key.class)
public class MemberMilestone extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    @Column(name = "milestone_id")
    public UUID milestoneId;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneStatus status;

    @Column(name = "update_text")
    public String updateText;

    @Column(name = "admin_comment")
    public String adminComment;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public record Key(UUID memberId, UUID milestoneId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
