//! Compiles the word lists of `patterns/lists/` into the tables of the name and address
//! detectors' lexicon (`src/detect/contextual/lexicon_build.rs` builds them), written to
//! `$OUT_DIR/lexicon_tables.rs` for `src/detect/contextual/lexicon.rs` to include: built
//! at every start instead, they cost ~7 M instructions.

#[path = "src/detect/contextual/lexicon_build.rs"]
mod lexicon_build;
#[path = "src/detect/contextual/lexicon_keys.rs"]
mod lexicon_keys;

use std::fmt::{Display, Write};

/// Writes `static NAME: [TY; N] = [...];` of `items`, each written by `item`.
fn array<T>(out: &mut String, name: &str, ty: &str, items: &[T], item: impl Fn(&T) -> String) {
    writeln!(out, "static {name}: [{ty}; {}] = [", items.len()).unwrap();
    for row in items.chunks(8) {
        let row: Vec<String> = row.iter().map(&item).collect();
        writeln!(out, "    {},", row.join(", ")).unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// Writes `const NAME: TY = value;`.
fn constant(out: &mut String, name: &str, ty: &str, value: impl Display) {
    writeln!(out, "const {name}: {ty} = {value};").unwrap();
}

fn main() {
    for path in [
        "build.rs",
        "src/detect/contextual/lexicon_build.rs",
        "src/detect/contextual/lexicon_keys.rs",
        "patterns/lists",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let t = lexicon_build::build();
    let mut out = String::from("// The lexicon's tables, written by build.rs: do not edit.\n");
    array(&mut out, "SHORT8_KEYS", "u64", &t.short8.keys, |k| {
        format!("{k:#x}")
    });
    array(
        &mut out,
        "SHORT8_CLASSES",
        "u16",
        &t.short8.classes,
        u16::to_string,
    );
    array(&mut out, "SHORT16_KEYS", "u128", &t.short16.keys, |k| {
        format!("{k:#x}")
    });
    array(
        &mut out,
        "SHORT16_CLASSES",
        "u16",
        &t.short16.classes,
        u16::to_string,
    );
    array(&mut out, "LONG_KEYS", "&[u8]", &t.long.keys, |w| {
        format!("b\"{}\"", w.escape_ascii())
    });
    array(
        &mut out,
        "LONG_CLASSES",
        "u16",
        &t.long.classes,
        u16::to_string,
    );
    constant(&mut out, "LONGEST", "usize", t.longest);
    // `{:?}` writes the shortest decimal that reads back as the same `f32`.
    array(&mut out, "LOG_ODDS", "f32", &t.log_odds, |x| {
        format!("{x:?}")
    });
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("lexicon_tables.rs"), out)
        .expect("OUT_DIR is writable");
}
