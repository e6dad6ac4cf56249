-- Issue 11: the member's choice of channel for her documents (null: e-mail once an address is known), and the
-- index of every document the four services issued for a person, fed by their documents topics.
alter table person add column delivery_channel varchar(5);

create table member_document (
    document_id       uuid primary key,
    owner             varchar(40)  not null,
    type              varchar(60)  not null,
    title             varchar(300) not null,
    document_date     date         not null,
    issued_at         timestamptz  not null,
    language          varchar(2)   not null,
    niss              varchar(11),
    enterprise_number varchar(10),
    channel           varchar(5)   not null,
    registered        boolean      not null,
    replaces          uuid,
    replaced_by       uuid,
    href              varchar(200) not null,
    sent_at           timestamptz,
    -- e-mail delivery: PENDING (to send), SENT, NO_ADDRESS (the address was removed before the mail left), NONE
    mail_status       varchar(10)  not null,
    mail_attempts     int          not null default 0,
    mail_error        varchar(300)
);
create index member_document_niss on member_document (niss, issued_at desc, document_id);
create index member_document_company on member_document (enterprise_number, issued_at desc, document_id);
create index member_document_mail on member_document (mail_status) where mail_status = 'PENDING';
