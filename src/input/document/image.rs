//! Photos and scans: the metadata of an image (EXIF, read with `kamadak-exif`) as one record:
//! the GPS position as `exif.GPSPosition` (`12.971599, 77.594566`, decimal degrees, south and
//! west negative), and the tags that name or date a person or a camera — `exif.Artist`,
//! `exif.CameraOwnerName`, `exif.Copyright`, `exif.BodySerialNumber`, `exif.DateTimeOriginal`,
//! ... — as written. An image without metadata is an empty record.
//!
//! Each image is also counted by kind ([`ImageKind`]) from simple measures: camera make or
//! model in the metadata (a photo, unless a scanner's resolution without exposure data says
//! scan), a resolution of 150 DPI or more (a scan), a screen's pixel size without camera
//! metadata (a screenshot).

use super::{Builder, DocError, Extracted, ImageInfo, ImageKind};
use exif::{In, Tag, Value};

/// The tags read as fields: names, serial numbers, dates, free text.
const TAGS: &[Tag] = &[
    Tag::Artist,
    Tag::CameraOwnerName,
    Tag::Copyright,
    Tag::ImageDescription,
    Tag::UserComment,
    Tag::BodySerialNumber,
    Tag::LensSerialNumber,
    Tag::ImageUniqueID,
    Tag::DateTimeOriginal,
    Tag::DateTimeDigitized,
    Tag::DateTime,
    Tag::GPSDateStamp,
];

/// Screen sizes (width × height, either orientation) a screenshot has.
const SCREENS: &[(u32, u32)] = &[
    (1280, 720),
    (1280, 800),
    (1366, 768),
    (1440, 900),
    (1536, 864),
    (1600, 900),
    (1680, 1050),
    (1920, 1080),
    (1920, 1200),
    (2560, 1440),
    (2560, 1600),
    (2880, 1800),
    (3840, 2160),
    (750, 1334),
    (828, 1792),
    (1080, 1920),
    (1080, 2340),
    (1080, 2400),
    (1125, 2436),
    (1170, 2532),
    (1179, 2556),
    (1242, 2688),
    (1284, 2778),
    (1290, 2796),
    (720, 1600),
];

/// Reads the metadata of an image of report format `format`, and the lines of `ocr`, the
/// text read in it (`--ocr`), as values of field [`super::ocr::FIELD`].
pub fn extract(
    format: &'static str,
    data: &[u8],
    ocr: Option<&str>,
) -> Result<Extracted, DocError> {
    let mut out = Builder::new(format);
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(data))
        .ok();
    let mut gps = false;
    let mut camera = false;
    let mut exposure = false;
    let mut dpi = density(format, data);
    let mut size = dimensions(format, data);
    if let Some(exif) = &exif {
        let field = |tag| exif.get_field(tag, In::PRIMARY);
        if let Some(position) = position(exif) {
            out.value(Some("exif.GPSPosition"), &position);
            gps = true;
        }
        for &tag in TAGS {
            if let Some(f) = field(tag) {
                let text = match &f.value {
                    Value::Ascii(parts) => parts
                        .iter()
                        .map(|p| String::from_utf8_lossy(p).trim().to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => f.display_value().to_string(),
                };
                out.value(Some(&format!("exif.{tag}")), text.trim_matches('"'));
            }
        }
        camera = field(Tag::Make).is_some() || field(Tag::Model).is_some();
        exposure = field(Tag::ExposureTime).is_some() || field(Tag::FNumber).is_some();
        if let Some(x) = field(Tag::XResolution).and_then(|f| rational(&f.value, 0)) {
            let cm = field(Tag::ResolutionUnit).and_then(|f| f.value.get_uint(0)) == Some(3);
            dpi = dpi.or(Some(if cm { x * 2.54 } else { x }));
        }
        if size.is_none() {
            let dim = |tag| field(tag).and_then(|f| f.value.get_uint(0));
            size = dim(Tag::PixelXDimension)
                .zip(dim(Tag::PixelYDimension))
                .or_else(|| dim(Tag::ImageWidth).zip(dim(Tag::ImageLength)));
        }
    }
    for line in ocr.into_iter().flat_map(str::lines) {
        out.value(Some(super::ocr::FIELD), line);
    }
    out.end_record();
    // A scanner writes a high resolution and no exposure data; a camera writes exposure data.
    let scanner = dpi.is_some_and(|d| d >= 150.0) && !exposure;
    let kind = if camera && !scanner {
        ImageKind::Photo
    } else if scanner {
        ImageKind::Scan
    } else if size.is_some_and(|(w, h)| SCREENS.contains(&(w, h)) || SCREENS.contains(&(h, w))) {
        ImageKind::Screenshot
    } else {
        ImageKind::Other
    };
    out.set_image(ImageInfo { kind, gps });
    Ok(out.finish())
}

/// The `index`th rational of a value as a float.
fn rational(value: &Value, index: usize) -> Option<f64> {
    match value {
        Value::Rational(r) => r.get(index).filter(|r| r.denom != 0).map(|r| r.to_f64()),
        _ => None,
    }
}

/// The GPS position as `lat, lon` in decimal degrees with 6 decimals.
fn position(exif: &exif::Exif) -> Option<String> {
    let coordinate = |tag, reference, negative: u8| {
        let value = &exif.get_field(tag, In::PRIMARY)?.value;
        let degrees =
            rational(value, 0)? + rational(value, 1)? / 60.0 + rational(value, 2)? / 3600.0;
        let sign = match &exif.get_field(reference, In::PRIMARY)?.value {
            Value::Ascii(parts) if parts.first()?.first() == Some(&negative) => -1.0,
            _ => 1.0,
        };
        Some(sign * degrees)
    };
    let lat = coordinate(Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?;
    let lon = coordinate(Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        .then(|| format!("{lat:.6}, {lon:.6}"))
}

/// Pixel width and height from a JPEG frame header or a PNG header.
fn dimensions(format: &str, data: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| {
        Some(u32::from(u16::from_be_bytes([
            *data.get(at)?,
            *data.get(at + 1)?,
        ])))
    };
    let be32 = |at: usize| Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?));
    match format {
        "png" => Some((be32(16)?, be32(20)?)),
        "jpeg" => {
            let mut at = 2;
            while at + 9 < data.len() {
                if data[at] != 0xff {
                    return None;
                }
                let marker = data[at + 1];
                let len = be16(at + 2)? as usize;
                // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
                if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                    return Some((be16(at + 7)?, be16(at + 5)?));
                }
                at += 2 + len;
            }
            None
        }
        _ => None,
    }
}

/// Dots per inch from a JPEG's JFIF header or a PNG's `pHYs` chunk.
fn density(format: &str, data: &[u8]) -> Option<f64> {
    match format {
        "jpeg" if data.get(6..11) == Some(b"JFIF\0") => {
            let units = *data.get(13)?;
            let x = f64::from(u16::from_be_bytes([*data.get(14)?, *data.get(15)?]));
            match units {
                1 => Some(x),
                2 => Some(x * 2.54),
                _ => None,
            }
        }
        "png" => {
            let at = memchr::memmem::find(&data[..data.len().min(4096)], b"pHYs")?;
            let ppm = u32::from_be_bytes(data.get(at + 4..at + 8)?.try_into().ok()?);
            (data.get(at + 12) == Some(&1)).then(|| f64::from(ppm) * 0.0254)
        }
        _ => None,
    }
}
