-- MentoringSessionBooked is published when a member books a session, for cohort-service to put it in the member's
-- calendar. Sessions booked before the event existed, and not cancelled since, are announced now through the outbox
-- like any other event (the relay publishes them at start), so every member's calendar holds all its sessions.
-- The CloudEvent is the one EventPublisher writes for a booking, its time that of the booking.
WITH booked AS MATERIALIZED (
    SELECT gen_random_uuid() AS event_id, s.id, s.member_id, s.status, s.note, s.booked_at, g.cohort_id,
           m.id AS mentor_id, m.name AS mentor_name, m.partner, p.name AS partner_name,
           to_char(sl.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS starts,
           to_char(sl.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ends,
           to_char(s.booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS booked
    FROM mentoring_session s
    JOIN mentoring_slot sl ON sl.id = s.slot_id
    JOIN mentor m ON m.id = sl.mentor_id
    JOIN partner p ON p.code = m.partner
    JOIN grant_account g ON g.id = s.grant_id
    WHERE s.status IN ('BOOKED', 'DELIVERED', 'NO_SHOW')
)
INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, cloud_event)
SELECT event_id, 'program.mentoring', id::text, 'MentoringSessionBooked',
       json_build_object(
           'specversion', '1.0',
           'id', event_id,
           'source', '/resources-service',
           'type', 'MentoringSessionBooked',
           'subject', id,
           'time', booked,
           'datacontenttype', 'application/json',
           'data', json_build_object('sessionId', id, 'cohortId', cohort_id, 'memberId', member_id, 'mentorId', mentor_id,
                                     'mentorName', mentor_name, 'partner', partner, 'partnerName', partner_name,
                                     'startsAt', starts, 'endsAt', ends,
                                     'status', status, 'note', note, 'at', booked))::text
FROM booked
ORDER BY booked_at, id;
