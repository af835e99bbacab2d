-- "New feedback" for the client: whether the assignment has feedback the client has not read yet.
--
-- reviewed_at keeps the first feedback only (it stamps the status change), but a therapist may give more feedback
-- later, which is new again. So the assignment row keeps the time of its newest feedback, written in the same
-- UPDATE that marks it reviewed under the row lock, and the time the client last read the feedback thread. Both
-- live on the assignment (not looked up in feedback) so the assignment feature answers "unread?" from its own
-- table, and a list filtered on it stays a walk of assignment_client_list_idx. Adding nullable columns without a
-- default only changes the catalog.
alter table assignment
    add column last_feedback_at timestamptz,
    add column feedback_seen_at timestamptz;

-- Feedback given before this migration: the newest per assignment. Nobody knows whether the client read it, so it
-- counts as unread once: showing old feedback as new is better than hiding feedback the client never saw.
update assignment a
set last_feedback_at = f.newest
from (select assignment_id, max(created_at) as newest from feedback group by assignment_id) f
where f.assignment_id = a.id;
