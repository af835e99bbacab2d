-- When the client asked, in their plan, to be reminded of the homework (null: at their usual reminder time). A time,
-- not clinical text: it is a column of its own beside the sealed plan, and travels in AssignmentReminderChosen so
-- account-service sends the reminder then.
alter table assignment
    add column plan_remind_at timestamptz;
