-- Quarters whose contributions are not due, by a decision outside this service: a carer leave of three full months,
-- the maternity relief (benefits-service decisions). A notice of such a quarter is cancelled and none is issued.
CREATE TABLE exempted_quarter (
    niss        VARCHAR(11)  NOT NULL,
    quarter     VARCHAR(7)   NOT NULL,
    reason      VARCHAR(40)  NOT NULL,
    source      VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (niss, quarter)
);
