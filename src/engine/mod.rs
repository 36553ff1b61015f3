//! The one pure engine: answers in, recommendation and its explanation out.
//!
//! It knows how to evaluate rules, not what they say: every decision comes
//! from the loaded [`Content`](crate::content::Content).

pub mod answers;
mod answers_error;
pub mod code;
pub mod early;
mod evaluate;
pub mod flow;
mod outcome;
pub mod space;
pub mod symbolic;
pub mod whatif;

pub use answers::{Answers, parse_answers};
pub use evaluate::{evaluate, evaluate_enumerated, evaluate_symbolic, summarise};
pub use outcome::*;
