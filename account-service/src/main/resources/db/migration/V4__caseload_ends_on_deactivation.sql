-- A deactivated person keeps no caseload (as client or therapist): their assignments end with the reason DEACTIVATED.
alter table caseload_assignment drop constraint caseload_assignment_end_reason_check;
alter table caseload_assignment add constraint caseload_assignment_end_reason_check
    check (end_reason in ('REASSIGNED', 'UNASSIGNED', 'ROLE_CHANGED', 'DEACTIVATED', 'ACCOUNT_DELETED'));
