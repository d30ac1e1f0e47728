//! Scans of ID cards whose values only OCR can read (`scan --ocr`): a white card with a
//! name, an Aadhaar number and a PAN drawn in black, saved as a grey-scale PNG without any
//! metadata. The text is drawn here from an 8×8 bitmap font (font8x8 by Marcel Sondaar,
//! public domain; its zero drawn without the slash), each glyph scaled up 4× with Scale2x
//! twice, so its diagonals are smooth, and softened with a small box blur, as a scan is.
//!
//! The 8×8 glyphs draw some characters alike at this size (`0`/`O`, `1`/`I`, `5`/`S`,
//! ...): planted values are drawn again until they hold none of those, so what is planted is
//! what OCR can read.

use super::documents::Planted;
use super::values::{Form, Gen, V};
use crate::types::PiiType;
use std::io;
use std::path::Path;

/// Glyphs: for each character, 8 rows of 8 pixels, the lowest bit leftmost.
const FONT: &[(char, [u8; 8])] = &[
    (' ', [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
    (':', [0x00, 0x0C, 0x0C, 0x00, 0x00, 0x0C, 0x0C, 0x00]),
    ('0', [0x1E, 0x33, 0x33, 0x33, 0x33, 0x33, 0x1E, 0x00]),
    ('1', [0x0C, 0x0E, 0x0C, 0x0C, 0x0C, 0x0C, 0x3F, 0x00]),
    ('2', [0x1E, 0x33, 0x30, 0x1C, 0x06, 0x33, 0x3F, 0x00]),
    ('3', [0x1E, 0x33, 0x30, 0x1C, 0x30, 0x33, 0x1E, 0x00]),
    ('4', [0x38, 0x3C, 0x36, 0x33, 0x7F, 0x30, 0x78, 0x00]),
    ('5', [0x3F, 0x03, 0x1F, 0x30, 0x30, 0x33, 0x1E, 0x00]),
    ('6', [0x1C, 0x06, 0x03, 0x1F, 0x33, 0x33, 0x1E, 0x00]),
    ('7', [0x3F, 0x33, 0x30, 0x18, 0x0C, 0x0C, 0x0C, 0x00]),
    ('8', [0x1E, 0x33, 0x33, 0x1E, 0x33, 0x33, 0x1E, 0x00]),
    ('9', [0x1E, 0x33, 0x33, 0x3E, 0x30, 0x18, 0x0E, 0x00]),
    ('A', [0x0C, 0x1E, 0x33, 0x33, 0x3F, 0x33, 0x33, 0x00]),
    ('B', [0x3F, 0x66, 0x66, 0x3E, 0x66, 0x66, 0x3F, 0x00]),
    ('C', [0x3C, 0x66, 0x03, 0x03, 0x03, 0x66, 0x3C, 0x00]),
    ('D', [0x1F, 0x36, 0x66, 0x66, 0x66, 0x36, 0x1F, 0x00]),
    ('E', [0x7F, 0x46, 0x16, 0x1E, 0x16, 0x46, 0x7F, 0x00]),
    ('F', [0x7F, 0x46, 0x16, 0x1E, 0x16, 0x06, 0x0F, 0x00]),
    ('G', [0x3C, 0x66, 0x03, 0x03, 0x73, 0x66, 0x7C, 0x00]),
    ('H', [0x33, 0x33, 0x33, 0x3F, 0x33, 0x33, 0x33, 0x00]),
    ('I', [0x1E, 0x0C, 0x0C, 0x0C, 0x0C, 0x0C, 0x1E, 0x00]),
    ('J', [0x78, 0x30, 0x30, 0x30, 0x33, 0x33, 0x1E, 0x00]),
    ('K', [0x67, 0x66, 0x36, 0x1E, 0x36, 0x66, 0x67, 0x00]),
    ('L', [0x0F, 0x06, 0x06, 0x06, 0x46, 0x66, 0x7F, 0x00]),
    ('M', [0x63, 0x77, 0x7F, 0x7F, 0x6B, 0x63, 0x63, 0x00]),
    ('N', [0x63, 0x67, 0x6F, 0x7B, 0x73, 0x63, 0x63, 0x00]),
    ('O', [0x1C, 0x36, 0x63, 0x63, 0x63, 0x36, 0x1C, 0x00]),
    ('P', [0x3F, 0x66, 0x66, 0x3E, 0x06, 0x06, 0x0F, 0x00]),
    ('Q', [0x1E, 0x33, 0x33, 0x33, 0x3B, 0x1E, 0x38, 0x00]),
    ('R', [0x3F, 0x66, 0x66, 0x3E, 0x36, 0x66, 0x67, 0x00]),
    ('S', [0x1E, 0x33, 0x07, 0x0E, 0x38, 0x33, 0x1E, 0x00]),
    ('T', [0x3F, 0x2D, 0x0C, 0x0C, 0x0C, 0x0C, 0x1E, 0x00]),
    ('U', [0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x3F, 0x00]),
    ('V', [0x33, 0x33, 0x33, 0x33, 0x33, 0x1E, 0x0C, 0x00]),
    ('W', [0x63, 0x63, 0x63, 0x6B, 0x7F, 0x77, 0x63, 0x00]),
    ('X', [0x63, 0x63, 0x36, 0x1C, 0x1C, 0x36, 0x63, 0x00]),
    ('Y', [0x33, 0x33, 0x33, 0x1E, 0x0C, 0x0C, 0x1E, 0x00]),
    ('Z', [0x7F, 0x63, 0x31, 0x18, 0x4C, 0x66, 0x7F, 0x00]),
];

/// Characters the font draws so that OCR may read them as others: planted values avoid them.
const UNCLEAR: &str = "01568OISBZGQDVWY";

/// Pixels per glyph cell: 8 wide plus one blank column, 8 high plus four blank rows.
const CELL: (usize, usize) = (9, 12);
/// How many times each glyph is doubled with Scale2x.
const DOUBLINGS: u32 = 2;
/// Blank pixels around the text.
const MARGIN: usize = 40;

/// Writes `n` ID card scans `card-1.png`, ... into `dir`, from `seed`; returns the Aadhaar
/// number and PAN planted in each (field `ocr`, record 1: the image).
pub fn write_id_cards(dir: &Path, seed: u64, n: usize) -> io::Result<Vec<Planted>> {
    let mut g = Gen::new(seed, 0x0c4d);
    std::fs::create_dir_all(dir)?;
    let mut truth = Vec::new();
    for i in 1..=n {
        let path = format!("card-{i}.png");
        g.new_person();
        let name = loop {
            let mut b = Vec::new();
            g.gen(V::FullName, &mut b);
            if b.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ') {
                break String::from_utf8_lossy(&b).to_ascii_uppercase();
            }
            g.new_person();
        };
        let aadhaar = clear(&mut g, V::Aadhaar(Form::Strong), |a| {
            let groups: Vec<&str> = a.split(' ').collect();
            groups.len() == 3 && groups.iter().all(|d| d.len() == 4)
        });
        let pan = clear(&mut g, V::Pan(Form::Strong), |p| p.len() == 10);
        let lines = [
            "GOVERNMENT OF INDIA".to_string(),
            format!("NAME: {name}"),
            format!("AADHAAR: {aadhaar}"),
            format!("PAN: {pan}"),
        ];
        std::fs::write(dir.join(&path), card_png(&lines))?;
        for (ty, value) in [(PiiType::Aadhaar, aadhaar), (PiiType::PanIn, pan)] {
            truth.push(Planted {
                path: path.clone(),
                ty: ty.name().to_string(),
                field: Some(crate::input::document::ocr::FIELD.to_string()),
                record: 1,
                value,
            });
        }
    }
    Ok(truth)
}

/// A generated value of `v` that `fits` and holds no [`UNCLEAR`] character.
fn clear(g: &mut Gen, v: V, fits: impl Fn(&str) -> bool) -> String {
    loop {
        let mut b = Vec::new();
        g.gen(v, &mut b);
        let value = String::from_utf8_lossy(&b).into_owned();
        let upper = value.to_ascii_uppercase();
        if fits(&value) && !upper.chars().any(|c| UNCLEAR.contains(c)) {
            return value;
        }
    }
}

/// The card: `lines` drawn black on white, as an 8-bit grey-scale PNG.
pub fn card_png(lines: &[String]) -> Vec<u8> {
    let scale = 1 << DOUBLINGS;
    let columns = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = columns * CELL.0 * scale + 2 * MARGIN;
    let height = lines.len() * CELL.1 * scale + 2 * MARGIN;
    let mut pixels = vec![255u8; width * height];
    for (row, line) in lines.iter().enumerate() {
        for (column, c) in line.chars().enumerate() {
            let mut glyph = glyph(c);
            for _ in 0..DOUBLINGS {
                glyph = scale2x(&glyph);
            }
            let (left, top) = (
                MARGIN + column * CELL.0 * scale,
                MARGIN + row * CELL.1 * scale,
            );
            for (y, bits) in glyph.iter().enumerate() {
                for (x, &ink) in bits.iter().enumerate() {
                    if ink {
                        pixels[(top + y) * width + left + x] = 0;
                    }
                }
            }
        }
    }
    let pixels = box_blur(&pixels, width, height);
    png_grey(width, height, &pixels)
}

/// The glyph of `c` (upper-cased; a blank for a character the font lacks) as rows of pixels.
fn glyph(c: char) -> Vec<Vec<bool>> {
    let rows = FONT
        .iter()
        .find(|(f, _)| *f == c.to_ascii_uppercase())
        .map_or([0; 8], |(_, rows)| *rows);
    rows.iter()
        .map(|row| (0..8).map(|bit| row >> bit & 1 == 1).collect())
        .collect()
}

/// Scale2x (EPX): each pixel becomes four, corners taking a neighbour's colour where two
/// neighbours agree, so diagonals stay diagonals instead of stairs.
fn scale2x(image: &[Vec<bool>]) -> Vec<Vec<bool>> {
    let height = image.len();
    let width = image.first().map_or(0, Vec::len);
    let at = |y: isize, x: isize| {
        usize::try_from(y)
            .ok()
            .zip(usize::try_from(x).ok())
            .and_then(|(y, x)| image.get(y)?.get(x).copied())
            .unwrap_or(false)
    };
    let mut out = vec![vec![false; 2 * width]; 2 * height];
    for y in 0..height {
        for x in 0..width {
            let (yi, xi) = (y as isize, x as isize);
            let p = image[y][x];
            let (a, b, c, d) = (
                at(yi - 1, xi),
                at(yi, xi + 1),
                at(yi, xi - 1),
                at(yi + 1, xi),
            );
            out[2 * y][2 * x] = if c == a && c != d && a != b { a } else { p };
            out[2 * y][2 * x + 1] = if a == b && a != c && b != d { b } else { p };
            out[2 * y + 1][2 * x] = if d == c && d != b && c != a { c } else { p };
            out[2 * y + 1][2 * x + 1] = if b == d && b != a && d != c { d } else { p };
        }
    }
    out
}

/// A 3×3 box blur (edges averaged over the pixels inside).
fn box_blur(pixels: &[u8], width: usize, height: usize) -> Vec<u8> {
    let pass = |src: &[u8], horizontal: bool| -> Vec<u8> {
        let mut out = vec![0u8; src.len()];
        for y in 0..height {
            for x in 0..width {
                let (mut sum, mut n) = (0u32, 0u32);
                for k in -1isize..=1 {
                    let (xx, yy) = match horizontal {
                        true => (x as isize + k, y as isize),
                        false => (x as isize, y as isize + k),
                    };
                    if (0..width as isize).contains(&xx) && (0..height as isize).contains(&yy) {
                        sum += u32::from(src[yy as usize * width + xx as usize]);
                        n += 1;
                    }
                }
                out[y * width + x] = (sum / n) as u8;
            }
        }
        out
    };
    pass(&pass(pixels, true), false)
}

/// An 8-bit grey-scale PNG of `pixels` (rows top to bottom).
fn png_grey(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut raw = Vec::with_capacity((width + 1) * height);
    for row in pixels.chunks(width.max(1)) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&raw).expect("writing to memory");
    let idat = zlib.finish().expect("writing to memory");
    let mut header = Vec::new();
    header.extend((width as u32).to_be_bytes());
    header.extend((height as u32).to_be_bytes());
    header.extend([8, 0, 0, 0, 0]); // 8 bits, grey, deflate, no filter, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &header), (b"IDAT", &idat), (b"IEND", &Vec::new())] {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(crc.sum().to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_pngs_of_clear_values() {
        let dir = tempfile::tempdir().unwrap();
        let truth = write_id_cards(dir.path(), 3, 2).unwrap();
        assert_eq!(truth.len(), 4);
        for p in &truth {
            assert!(!p.value.chars().any(|c| UNCLEAR.contains(c)), "{p:?}");
            let png = std::fs::read(dir.path().join(&p.path)).unwrap();
            assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        }
        // Scale2x keeps a blank blank and rounds the corners of a square.
        assert_eq!(scale2x(&[vec![false]]), vec![vec![false; 2]; 2]);
        let (o, x) = (false, true);
        assert_eq!(
            scale2x(&vec![vec![true; 2]; 2]),
            [[o, x, x, o], [x, x, x, x], [x, x, x, x], [o, x, x, o]]
        );
    }
}
