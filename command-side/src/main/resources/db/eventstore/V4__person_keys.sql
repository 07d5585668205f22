-- Crypto-shredding: the personal fields of events are stored encrypted with a key per person, kept here and
-- nowhere else. Erasing a person sets the key to NULL: their events stay as they are (and the hash chain
-- over them holds), but nothing can read those fields again.

CREATE TABLE person_key (
    person_id text        PRIMARY KEY,   -- the id of the person's first record (a lead's or a contact's)
    key       bytea,                     -- AES-256; NULL once the person is erased
    erased_at timestamptz
);

-- Which records belong to which person: a contact and the lead it was converted from are one person, and
-- a note on a contact belongs to the contact's person.
CREATE TABLE person_record (
    record_id text PRIMARY KEY,
    person_id text NOT NULL REFERENCES person_key
);
CREATE INDEX person_record_person ON person_record (person_id);
