-- Joint and several liability (REFERENCE.md §5.4): the company for its director's (mandataire's) contributions for the
-- period of the mandate, the helped self-employed for the helper's; from affiliation-service's mandate and helper events.
CREATE TABLE liability_link (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(10) NOT NULL CHECK (kind IN ('MANDATE', 'HELPER')),
    debtor     VARCHAR(11) NOT NULL,
    co_debtor  VARCHAR(11) NOT NULL,
    role       VARCHAR(40),
    starts_on  DATE        NOT NULL,
    ends_on    DATE
);
CREATE INDEX liability_link_debtor ON liability_link (debtor);
CREATE INDEX liability_link_co_debtor ON liability_link (co_debtor);

-- The labour court's judgment after a summons or on an opposition.
ALTER TABLE recovery_case ADD COLUMN judgment VARCHAR(20);
ALTER TABLE recovery_case ADD COLUMN judgment_on DATE;
