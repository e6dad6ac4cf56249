package be.caisse.documents.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A file of a print batch: {@code LETTERS}, {@code REGISTERED} (both PDF) or {@code POST_LIST} (CSV). */
@Entity
@Table(name = "print_batch_file")
@IdClass(PrintBatchFile.Key.class)
public class PrintBatchFile extends PanacheEntityBase {
    @Id
    @Column(name = "batch_id")
    public UUID batchId;
    @Id
    public String kind;
    @Column(nullable = false)
    public byte[] content;
    @Column(nullable = false, columnDefinition = "bpchar")
    public String sha256;

    public static class Key implements Serializable {
        public UUID batchId;
        public String kind;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(batchId, k.batchId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, kind);
        }
    }
}
