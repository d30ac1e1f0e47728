//! Every format's tokeniser (the first byte picks one of `Format::ALL`): whole and streamed agree.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| leakscan::fuzz::tokenize(data));
