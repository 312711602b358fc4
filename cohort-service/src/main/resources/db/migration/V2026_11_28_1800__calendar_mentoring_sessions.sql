-- A mentoring session a member booked in resources-service shows in the calendar as an event of the member's, kept in
-- step with the session by its events (MentoringSessionBooked, MentoringSessionEnded); at most one event per session.
ALTER TABLE calendar_event ADD COLUMN mentoring_session_id UUID;
CREATE UNIQUE INDEX calendar_event_one_per_mentoring_session ON calendar_event (mentoring_session_id);
