-- CohortPlanned is published when a cohort is created. Cohorts created before it existed get theirs now, through the
-- outbox like any other event (the relay publishes them at start), so that resources-service knows every cohort.
-- The CloudEvent is the one EventPublisher writes for a CohortPlanned, its time that of the cohort's creation.
WITH planned AS MATERIALIZED (
    SELECT gen_random_uuid() AS event_id, c.*,
           to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created
    FROM cohort c
)
INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, cloud_event)
SELECT event_id, 'program.cohorts', id::text, 'CohortPlanned',
       json_build_object(
           'specversion', '1.0',
           'id', event_id,
           'source', '/cohort-service',
           'type', 'CohortPlanned',
           'subject', id,
           'time', created,
           'datacontenttype', 'application/json',
           'data', json_build_object('cohortId', id, 'name', name, 'edition', edition, 'startDate', start_date,
                                     'endDate', end_date, 'at', created))::text
FROM planned
ORDER BY created_at, id;
