//! The command line (clap derive types).
