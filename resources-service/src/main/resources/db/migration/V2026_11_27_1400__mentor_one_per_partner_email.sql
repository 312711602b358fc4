-- A mentor is registered once per partner: a partner system retrying a registration finds the mentor it made
-- (409 mentor-exists naming it) instead of making a second one members would see twice. Emails are stored lower-case.
CREATE UNIQUE INDEX mentor_one_per_partner_email ON mentor (partner, email);
