-- The commissioners' record gains what happened next (issue 27). Each column is a
-- category from a fixed list, a flag or a count of working days: no reference, no
-- answers, no free text, no date finer than the month the row already has. None of
-- them is personal data on its own, and together they stay coarse: the report shows
-- them only as counts per area and month, with counts under 5 suppressed.
-- Rows written before this migration have NULL (not known) where nothing was kept.

-- How the request was routed when sent: 'direct' (the area's service) or 'triage'.
-- A routing category, the same for everyone in the area at that time.
ALTER TABLE report_entries ADD COLUMN route TEXT;
-- The language asked for contact: 'en' or 'cy'. One of two values, not a name.
ALTER TABLE report_entries ADD COLUMN language TEXT;
-- Who asked: 'harmed', 'family' or 'other' (from the form's fixed relationship
-- choices, grouped). A category, never who they are.
ALTER TABLE report_entries ADD COLUMN asker TEXT;
-- 1 when the person said the one responsible was under 18 (the youth flag): a yes/no
-- about the offence, with no age, date or name.
ALTER TABLE report_entries ADD COLUMN youth INTEGER NOT NULL DEFAULT 0;
-- Working days from sending to the first contact staff recorded (none: not
-- contacted). A duration in whole working days, not a date.
ALTER TABLE report_entries ADD COLUMN contacted_days INTEGER;
-- How it was closed: one of the inbox's fixed outcomes (`staff::Outcome`), none while
-- open. Staff choose from a list, so nothing can be typed here.
ALTER TABLE report_entries ADD COLUMN outcome TEXT;
-- 1 when triage passed it to a service (on the site or outside it). Where it went,
-- which staff may type, is not kept here.
ALTER TABLE report_entries ADD COLUMN passed_on INTEGER NOT NULL DEFAULT 0;
-- 1 when its answers were purged because the service never confirmed it.
ALTER TABLE report_entries ADD COLUMN purged_unconfirmed INTEGER NOT NULL DEFAULT 0;
