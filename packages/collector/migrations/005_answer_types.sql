-- Each answer keeps the type of its question (and a rating's scale) as the SDK sent it, so results
-- can type the questions of a survey the collector has no definition of (one shown from code with
-- `showSurvey({ … })`). NULL: sent by an older SDK. (004 is taken by another change.)
ALTER TABLE survey_responses ADD COLUMN question_type text, ADD COLUMN scale integer;
