-- The client's name as a sentence carries it, with its article ("le Cabinet du Dr Martin"): mails, pages
-- and PDFs write "avec le Cabinet…", "Le secrétariat du Cabinet…". Empty: the name is used bare.
alter table client add column name_in_sentence varchar(210);
