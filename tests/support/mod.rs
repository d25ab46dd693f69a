//! Code shared by the fuzz targets and the tests that replay or bound them.
pub mod pipeline;
pub mod references;
pub mod xlsx_parts;
