-- The person's feedback (issue 27, part 3), kept only as counters: one row per month,
-- subject (an information page, `page:<key>`, or the police area of a sent request,
-- `area:<slug>`), language, question and answer, with how many gave that answer.
-- No row per person, no reference, no address, no time finer than the month.
CREATE TABLE feedback_counts (
    month    TEXT    NOT NULL,
    subject  TEXT    NOT NULL,
    lang     TEXT    NOT NULL,
    question TEXT    NOT NULL,
    answer   TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (month, subject, lang, question, answer)
);
