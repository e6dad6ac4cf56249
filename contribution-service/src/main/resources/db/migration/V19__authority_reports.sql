-- Each statistics report produced for INASTI (charter: the fund answers INASTI's requests correctly, completely and
-- in time): which quarter, when, by whom, in which format. The charter figure of the reports in time reads it.
CREATE TABLE authority_report (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authority   VARCHAR(20)  NOT NULL,
    quarter     VARCHAR(7)   NOT NULL,
    produced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    produced_by VARCHAR(100) NOT NULL,
    format      VARCHAR(10)  NOT NULL
);
CREATE INDEX authority_report_quarter ON authority_report (authority, quarter, produced_at);
