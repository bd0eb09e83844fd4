-- Survey results read a survey's answers by question, newest first (text answers are paged on
-- (answered_at, submission_id)); this keeps those pages an index scan however many answers there are.
CREATE INDEX survey_responses_by_question ON survey_responses (project_id, flow_id, question_id, answered_at DESC, submission_id DESC);
