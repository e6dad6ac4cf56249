package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** One year's parameters as a properties text (the same format as the versioned files). */
@Entity
@Table(name = "parameter_year")
public class ParameterYearEntity extends PanacheEntityBase {
    @Id
    public int year;
    @Column(nullable = false, columnDefinition = "TEXT")
    public String content;
    /** FILE (seeded) or ADMIN (changed through the API). */
    @Column(nullable = false)
    public String origin;
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Version
    public long version;
}
