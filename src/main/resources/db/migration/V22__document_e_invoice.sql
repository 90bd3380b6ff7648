-- The invoice a Factur-X / ZUGFeRD PDF carries in its XML (EInvoice as JSON: seller, buyer, number,
-- date, totals, VAT), kept with the document so the documents page and API show the exact fields.
alter table document add column e_invoice varchar(8000);
