//! The container and decompression front-end over arbitrary bytes, under small limits.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| leakscan::fuzz::container(data));
