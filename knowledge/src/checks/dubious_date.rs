//! (being written) The dubious_date check.

use super::SentenceCtx;
use crate::analysis::Finding;

pub fn check(_ctx: &SentenceCtx, _out: &mut Vec<Finding>) {}
