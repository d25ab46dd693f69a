//! Browser tests of the roles view.
