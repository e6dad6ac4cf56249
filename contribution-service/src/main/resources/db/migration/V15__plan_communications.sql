-- The structured communications of recovery's payment-plan instalments (plan-changed APPROVED): a payment with one
-- is the debtor's, imputed on the account as any payment (oldest principal first), and told to recovery.
CREATE TABLE plan_communication (
    structured_communication VARCHAR(12) PRIMARY KEY,
    account                  VARCHAR(11) NOT NULL,
    period                   VARCHAR(7)  NOT NULL,
    case_reference           VARCHAR(30) NOT NULL,
    instalment               INTEGER     NOT NULL,
    recorded_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
