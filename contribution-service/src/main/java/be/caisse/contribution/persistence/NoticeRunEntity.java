package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The quarterly call run of one quarter and its progress. */
@Entity
@Table(name = "notice_run")
public class NoticeRunEntity extends PanacheEntityBase {
    @Id
    public String quarter;
    /** RUNNING, COMPLETED or FAILED. */
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int total;
    @Column(nullable = false)
    public int done;
    @Column(nullable = false)
    public int skipped;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "started_by", nullable = false)
    public String startedBy;
}
