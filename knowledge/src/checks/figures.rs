//! (being written) The figures check.

use super::SentenceCtx;
use crate::analysis::Finding;

pub fn check(_ctx: &SentenceCtx, _out: &mut Vec<Finding>) {}
