-- Shared by every service (caisse-documents): the documents the service issued, kept as issued. A document is
-- never changed: a correction is a new row naming the one it replaces. The bytes live apart, so that listing a
-- member's documents never reads them.
CREATE TABLE issued_document (
    id                UUID PRIMARY KEY,
    owner             VARCHAR(20)  NOT NULL,
    type              VARCHAR(60)  NOT NULL,
    business_key      VARCHAR(200) NOT NULL,
    niss              VARCHAR(11),
    enterprise_number VARCHAR(10),
    title             VARCHAR(300) NOT NULL,
    language          VARCHAR(2)   NOT NULL,
    document_date     DATE         NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    template          VARCHAR(120) NOT NULL,
    template_version  VARCHAR(16)  NOT NULL,
    inputs            TEXT         NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    size_bytes        INTEGER      NOT NULL,
    replaces          UUID REFERENCES issued_document (id),
    replaced_by       UUID,
    channel           VARCHAR(10)  NOT NULL,
    registered        BOOLEAN      NOT NULL DEFAULT FALSE,
    sent_at           TIMESTAMP WITH TIME ZONE,
    print_batch_id    UUID
);
CREATE UNIQUE INDEX issued_document_current ON issued_document (type, business_key) WHERE replaced_by IS NULL;
CREATE INDEX issued_document_niss ON issued_document (niss, issued_at);
CREATE INDEX issued_document_enterprise ON issued_document (enterprise_number, issued_at);
CREATE INDEX issued_document_to_print ON issued_document (issued_at) WHERE channel = 'PAPER' AND sent_at IS NULL;

CREATE TABLE issued_document_content (
    id      UUID PRIMARY KEY REFERENCES issued_document (id),
    content BYTEA NOT NULL
);
-- a PDF is compressed already: PostgreSQL stores it out of line without trying to compress it again
ALTER TABLE issued_document_content ALTER COLUMN content SET STORAGE EXTERNAL;

-- The daily print batch: the letters to print in one PDF, the registered letters in another, and the list the post
-- office stamps for the registered ones.
CREATE TABLE print_batch (
    id          UUID PRIMARY KEY,
    batch_date  DATE    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    letters     INTEGER NOT NULL,
    registered  INTEGER NOT NULL
);
CREATE TABLE print_batch_file (
    batch_id UUID        NOT NULL REFERENCES print_batch (id),
    kind     VARCHAR(20) NOT NULL,
    content  BYTEA       NOT NULL,
    sha256   CHAR(64)    NOT NULL,
    PRIMARY KEY (batch_id, kind)
);
