//! The detector, validators, normalisation and masking over an arbitrary value and field name.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| leakscan::fuzz::detect(data));
