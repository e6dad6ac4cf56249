package be.caisse.recovery.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A recovery case (dossier de recouvrement): its state on the legal path, its timer, the dates of its steps. */
@Entity
@Table(name = "recovery_case")
public class RecoveryCaseEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String reference;
    @Column(nullable = false)
    public String debtor;
    @Column(nullable = false)
    public String state;
    @Column(nullable = false)
    public LocalDate since;
    @Column(name = "next_step")
    public String nextStep;
    @Column(name = "next_step_on")
    public LocalDate nextStepOn;
    @Column(name = "last_reminder_on")
    public LocalDate lastReminderOn;
    @Column(name = "registered_mail_ref")
    public String registeredMailRef;
    @Column(name = "contested_on")
    public LocalDate contestedOn;
    public String contestation;
    @Column(name = "contrainte_id")
    public UUID contrainteId;
    @Column(name = "contrainte_issued_on")
    public LocalDate contrainteIssuedOn;
    @Column(name = "contrainte_served_on")
    public LocalDate contrainteServedOn;
    public String bailiff;
    @Column(name = "opposed_on")
    public LocalDate opposedOn;
    @Column(name = "summoned_on")
    public LocalDate summonedOn;
    public String court;
    @Column(name = "hearing_on")
    public LocalDate hearingOn;
    /** The payment plan being kept, if any: the timers wait and no judicial step is taken meanwhile. */
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "insolvency_kind")
    public String insolvencyKind;
    @Column(name = "insolvency_on")
    public LocalDate insolvencyOn;
    public String curator;
    @Column(name = "claim_filed_on")
    public LocalDate claimFiledOn;
    @Column(name = "claim_amount", precision = 12, scale = 2)
    public java.math.BigDecimal claimAmount;
    @Column(name = "claim_rank")
    public String claimRank;
    @Column(name = "written_off", precision = 12, scale = 2)
    public java.math.BigDecimal writtenOff;
    @Column(name = "write_off_note")
    public String writeOffNote;
    /** The value date of the last payment imputed on the case's debt: an acknowledgement, it interrupts the prescription. */
    @Column(name = "last_payment_on")
    public LocalDate lastPaymentOn;
    @Column(name = "judgment_on")
    public LocalDate judgmentOn;
    public String judgment;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
