//! Reference facts and the checker.
