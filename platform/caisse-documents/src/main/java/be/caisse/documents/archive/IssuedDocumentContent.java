package be.caisse.documents.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of an issued document, exactly as sent. */
@Entity
@Table(name = "issued_document_content")
public class IssuedDocumentContent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public byte[] content;
}
