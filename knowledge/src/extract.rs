//! (being written) `kb extract`: candidate names, dates and figures in an essay that the fact base does not hold yet.
