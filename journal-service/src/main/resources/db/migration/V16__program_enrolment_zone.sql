-- The client's time zone when they were enrolled (an IANA id, as account-service keeps it): a weekday step arrives
-- at 08:00 on the client's clock, not the practice's. Null for enrolments made before, or when the portal could not
-- learn the zone: those keep the practice's zone (securebase.journal.practice-zone).
alter table program_enrolment add column zone varchar(64);
