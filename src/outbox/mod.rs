//! A request's way from the database to a person who has it: the delivery worker (one
//! due request at a time, under a lease, with backoff), the sweep, the reminders and
//! escalations that chase a request nobody has confirmed, and the signed webhooks
//! (webhook.rs) that go through the same queue.

pub mod alerts;
pub mod webhook;
pub mod worker;
