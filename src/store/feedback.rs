//! The person's feedback as counters (`feedback_counts`): one row per month, subject,
//! language, question and answer, counted up. Nothing here can tell one person's
//! answers from another's: there is no row per person, no reference and no time finer
//! than the month.

use super::{Store, StoreError};

/// One counter as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackCount {
    /// `YYYY-MM`, the UK month of the answer.
    pub month: String,
    /// `page:<page key>` or `area:<police area slug>`.
    pub subject: String,
    pub lang: String,
    pub question: String,
    pub answer: String,
    pub count: i64,
}

impl Store {
    /// Adds one to each `(question, answer)` counter of `subject` in `month` and `lang`,
    /// all or none.
    pub async fn count_feedback(
        &self,
        month: &str,
        subject: &str,
        lang: &str,
        answers: &[(&str, &str)],
    ) -> Result<(), StoreError> {
        const UPSERT: &str =
            "INSERT INTO feedback_counts (month, subject, lang, question, answer, count)
             VALUES ($1, $2, $3, $4, $5, 1)
             ON CONFLICT (month, subject, lang, question, answer)
             DO UPDATE SET count = feedback_counts.count + 1";
        on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                for (question, answer) in answers {
                    sqlx::query(UPSERT)
                        .bind(month)
                        .bind(subject)
                        .bind(lang)
                        .bind(*question)
                        .bind(*answer)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await
            }
            .await
        })?;
        Ok(())
    }

    /// Every counter for the months `from` to `to` (`YYYY-MM`, inclusive), in order.
    pub async fn feedback_counts(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<FeedbackCount>, StoreError> {
        let rows: Vec<(String, String, String, String, String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT month, subject, lang, question, answer, count FROM feedback_counts
                 WHERE month >= $1 AND month <= $2
                 ORDER BY month, subject, lang, question, answer",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(
                |(month, subject, lang, question, answer, count)| FeedbackCount {
                    month,
                    subject,
                    lang,
                    question,
                    answer,
                    count,
                },
            )
            .collect())
    }
}
