package be.caisse.benefits.domain;

/** The benefits the fund itself pays or grants (REFERENCE.md §3.1: the others are the mutuality's). */
public enum BenefitType {
    /** Droit passerelle / overbruggingsrecht (§3.2, §10.2). */
    BRIDGING_RIGHT,
    /** Congé de naissance / geboorteverlof (§3.5, §10.3). */
    BIRTH_LEAVE,
    /** 105 titres-services / dienstencheques after a birth (§3.4, §10.5). */
    MATERNITY_VOUCHERS,
    /** Aidant proche / mantelzorg (§3.7, §10.4). */
    CARER_LEAVE,
    /** Congé de deuil / rouwverlof (§3.8, §10.3). */
    MOURNING_LEAVE,
    /** No contribution for the quarter after the birth quarter (births from 1 October 2016). */
    MATERNITY_CONTRIBUTION_RELIEF
}
