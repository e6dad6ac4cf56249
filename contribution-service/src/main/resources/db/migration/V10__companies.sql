-- Companies affiliated to the fund (from affiliation-service), their balance sheets and directors, and the annual
-- company contribution (cotisation des sociétés) called for each year.
CREATE TABLE company_account (
    enterprise_number  VARCHAR(10)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    incorporation_date DATE         NOT NULL,
    affiliation_date   DATE         NOT NULL,
    ceased_on          DATE,
    cease_reason       VARCHAR(40)
);
CREATE TABLE company_balance_sheet (
    enterprise_number  VARCHAR(10)   NOT NULL REFERENCES company_account (enterprise_number),
    financial_year     INTEGER       NOT NULL,
    total              NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (enterprise_number, financial_year)
);
-- Directors, managers, active partners: jointly liable for the company contribution (art. 98 loi 30/12/1992).
CREATE TABLE company_mandate (
    mandate_id         UUID         PRIMARY KEY,
    enterprise_number  VARCHAR(10)  NOT NULL,
    niss               VARCHAR(11)  NOT NULL,
    role               VARCHAR(40)  NOT NULL,
    start_date         DATE         NOT NULL,
    end_date           DATE
);
CREATE INDEX company_mandate_company ON company_mandate (enterprise_number);
CREATE TABLE company_contribution (
    id                        UUID          PRIMARY KEY,
    enterprise_number         VARCHAR(10)   NOT NULL REFERENCES company_account (enterprise_number),
    year                      INTEGER       NOT NULL,
    bracket                   VARCHAR(20)   NOT NULL,
    amount                    NUMERIC(12,2) NOT NULL,
    balance_sheet_total       NUMERIC(16,2),
    due_date                  DATE          NOT NULL,
    structured_communication  VARCHAR(12)   NOT NULL UNIQUE,
    rule                      VARCHAR(300)  NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at              TIMESTAMP WITH TIME ZONE,
    UNIQUE (enterprise_number, year)
);
