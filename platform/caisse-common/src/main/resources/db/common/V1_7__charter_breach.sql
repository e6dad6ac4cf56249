-- A breach of a must-be-100 % charter figure, once per figure and day while it lasts: the breach event is told once
-- a day, not at every refresh of the gauges.
CREATE TABLE charter_breach (
    figure       VARCHAR(120) NOT NULL,
    detected_on  DATE         NOT NULL,
    value        NUMERIC(5,1) NOT NULL,
    basis        BIGINT       NOT NULL,
    window_from  DATE         NOT NULL,
    window_to    DATE         NOT NULL,
    detected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (figure, detected_on)
);
