//! Outputs: the JSON report, the findings stream, the summary table, the HTML page. Values
//! are rendered only here, and only masked unless `--reveal` was given.

pub mod findings;
pub mod html;
pub mod mask;
pub mod report;
pub mod severity;
pub mod table;
