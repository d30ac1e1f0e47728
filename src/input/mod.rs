//! Inputs: walking paths, opening files (memory-mapped or read), sniffing content.
