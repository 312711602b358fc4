-- A cancelled event stays in the calendar, marked, so members and their calendar apps see it cancelled instead of gone.
ALTER TABLE calendar_event ADD COLUMN cancelled_at TIMESTAMPTZ;
