-- Persons: identity, contact, payment account, family situation where rules need it.
ALTER TABLE person
    ADD COLUMN birth_date    DATE,
    ADD COLUMN sex           VARCHAR(10),
    ADD COLUMN language      VARCHAR(2)   NOT NULL DEFAULT 'fr',
    ADD COLUMN email         VARCHAR(200),
    ADD COLUMN phone         VARCHAR(40),
    ADD COLUMN iban          VARCHAR(34),
    ADD COLUMN street        VARCHAR(200),
    ADD COLUMN house_number  VARCHAR(20),
    ADD COLUMN box           VARCHAR(20),
    ADD COLUMN postal_code   VARCHAR(20),
    ADD COLUMN city          VARCHAR(100),
    ADD COLUMN country       VARCHAR(2),
    ADD COLUMN dependants    INTEGER,
    ADD COLUMN partner_niss  VARCHAR(11),
    ADD COLUMN updated_at    TIMESTAMP WITH TIME ZONE,
    ADD COLUMN version       BIGINT       NOT NULL DEFAULT 0;
CREATE INDEX person_last_name ON person (lower(last_name), lower(first_name));

-- Who changed what and when (address, language, IBAN, contact, family): kept for ever.
CREATE TABLE person_change (
    id          UUID         PRIMARY KEY,
    niss        VARCHAR(11)  NOT NULL REFERENCES person (niss),
    field       VARCHAR(40)  NOT NULL,
    old_value   VARCHAR(400),
    new_value   VARCHAR(400),
    changed_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    origin      VARCHAR(30)  NOT NULL
);
CREATE INDEX person_change_niss ON person_change (niss, changed_at);

-- An affiliation row is one period in one category; a change of category closes one period and opens the next.
ALTER TABLE affiliation
    ADD COLUMN complementary_reason   VARCHAR(40),
    ADD COLUMN helping_spouse_status  VARCHAR(10),
    ADD COLUMN helped_partner_niss    VARCHAR(11),
    ADD COLUMN student_institution    VARCHAR(200),
    ADD COLUMN student_credits        INTEGER,
    ADD COLUMN pension_opt_out        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN opened_by_event        VARCHAR(30) NOT NULL DEFAULT 'REGISTRATION',
    ADD COLUMN end_event              VARCHAR(30),
    ADD COLUMN cessation_reason       VARCHAR(40),
    ADD COLUMN liable_until           DATE;

CREATE TABLE company (
    enterprise_number   VARCHAR(10)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    legal_form          VARCHAR(20)  NOT NULL,
    incorporation_date  DATE         NOT NULL,
    affiliation_date    DATE         NOT NULL,
    late_affiliation    BOOLEAN      NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    cessation_date      DATE,
    cessation_reason    VARCHAR(20),
    registered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by       VARCHAR(100) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX company_name ON company (lower(name));

CREATE TABLE balance_sheet (
    enterprise_number  VARCHAR(10)   NOT NULL REFERENCES company (enterprise_number),
    financial_year     INTEGER       NOT NULL,
    total              NUMERIC(16,2) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(100)  NOT NULL,
    PRIMARY KEY (enterprise_number, financial_year)
);

-- Who directs which company, from when to when: joint liability both ways.
CREATE TABLE mandate (
    id                 UUID         PRIMARY KEY,
    enterprise_number  VARCHAR(10)  NOT NULL REFERENCES company (enterprise_number),
    niss               VARCHAR(11)  NOT NULL REFERENCES person (niss),
    role               VARCHAR(30)  NOT NULL,
    start_date         DATE         NOT NULL,
    end_date           DATE
);
CREATE INDEX mandate_company ON mandate (enterprise_number);
CREATE INDEX mandate_person ON mandate (niss);

-- A helper (aidant, helping spouse) and the self-employed person helped: joint liability.
CREATE TABLE helper_link (
    id           UUID        PRIMARY KEY,
    helper_niss  VARCHAR(11) NOT NULL REFERENCES person (niss),
    helped_niss  VARCHAR(11) NOT NULL REFERENCES person (niss),
    start_date   DATE        NOT NULL,
    end_date     DATE
);
CREATE INDEX helper_link_helped ON helper_link (helped_niss);

-- Life events that open rights (birth, adoption, bankruptcy, …), from the National Register or an agent.
CREATE TABLE life_event (
    id           UUID         PRIMARY KEY,
    niss         VARCHAR(11)  NOT NULL REFERENCES person (niss),
    type         VARCHAR(40)  NOT NULL,
    event_date   DATE         NOT NULL,
    related_niss VARCHAR(11),
    source       VARCHAR(30)  NOT NULL,
    note         VARCHAR(400),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL
);
CREATE INDEX life_event_niss ON life_event (niss, event_date);

-- What a member asks for (change of address, language, IBAN, category, cessation); an agent decides.
CREATE TABLE member_request (
    id             UUID         PRIMARY KEY,
    niss           VARCHAR(11)  NOT NULL REFERENCES person (niss),
    type           VARCHAR(30)  NOT NULL,
    payload        TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMP WITH TIME ZONE,
    decision_note  VARCHAR(400),
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX member_request_status ON member_request (status, requested_at);
CREATE INDEX member_request_niss ON member_request (niss, requested_at);
