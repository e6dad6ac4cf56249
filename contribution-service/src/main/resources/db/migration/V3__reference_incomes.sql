-- Professional incomes per year: from the tax administration, or a member's estimate for the current year.
CREATE TABLE reference_income (
    niss         VARCHAR(11)   NOT NULL REFERENCES contribution_account (niss),
    year         INTEGER       NOT NULL,
    source       VARCHAR(30)   NOT NULL,
    amount       NUMERIC(14,2) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (niss, year, source)
);
