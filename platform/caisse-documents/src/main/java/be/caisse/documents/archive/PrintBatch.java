package be.caisse.documents.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One day's letters sent on paper. */
@Entity
@Table(name = "print_batch")
public class PrintBatch extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "batch_date", nullable = false)
    public LocalDate batchDate;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(nullable = false)
    public int letters;
    @Column(nullable = false)
    public int registered;
}
