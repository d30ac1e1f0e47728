//! Proportions with 95 % Wilson score bounds, and rates above a null rate.

/// z for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// 95 % Wilson score bounds of `k` successes in `n` trials; `(0, 1)` when `n` is 0.
///
/// ```
/// use leakscan::verify::stats::wilson;
/// let (lo, hi) = wilson(93, 100);
/// assert!(lo > 0.85 && lo < 0.87 && hi > 0.96 && hi < 0.97);
/// assert_eq!(wilson(0, 0), (0.0, 1.0));
/// ```
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n) = (k.min(n) as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let centre = p + z2 / (2.0 * n);
    let spread = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let denom = 1.0 + z2 / n;
    (
        ((centre - spread) / denom).clamp(0.0, 1.0),
        ((centre + spread) / denom).clamp(0.0, 1.0),
    )
}

/// A share above a null rate: `rate = (p - null) / (1 - null)`, clamped to [0, 1], where
/// `p = k / n`; `low` and `high` are the Wilson bounds of `p` put through the same map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AboveNull {
    /// The share above the null rate.
    pub rate: f64,
    /// Its lower 95 % bound.
    pub low: f64,
    /// Its upper 95 % bound.
    pub high: f64,
}

/// `k` of `n` above the null rate `null`.
///
/// ```
/// use leakscan::verify::stats::above_null;
/// let r = above_null(55, 100, 0.1);
/// assert!((r.rate - 0.5).abs() < 1e-9);
/// assert!(r.low < 0.5 && r.high > 0.5);
/// assert_eq!(above_null(5, 100, 0.1).rate, 0.0);
/// ```
pub fn above_null(k: u64, n: u64, null: f64) -> AboveNull {
    let map = |p: f64| {
        if null >= 1.0 {
            0.0
        } else {
            ((p - null) / (1.0 - null)).clamp(0.0, 1.0)
        }
    };
    let p = if n == 0 {
        0.0
    } else {
        k.min(n) as f64 / n as f64
    };
    let (lo, hi) = wilson(k, n);
    AboveNull {
        rate: map(p),
        low: map(lo),
        high: map(hi),
    }
}

/// `x` rounded to 4 decimals, for reports.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// `x` as a percentage for sentences: `93 %`, `0.4 %`, `0 %`.
///
/// ```
/// use leakscan::verify::stats::pct;
/// assert_eq!(pct(0.93), "93 %");
/// assert_eq!(pct(0.004), "0.4 %");
/// assert_eq!(pct(0.9994), "99.9 %");
/// ```
pub fn pct(x: f64) -> String {
    let p = x * 100.0;
    if p == 0.0 || p == 100.0 || ((1.0..=99.0).contains(&p) && (p - p.round()).abs() < 0.05) {
        format!("{} %", p.round())
    } else if p < 1.0 {
        format!("{:.1} %", p)
    } else if p > 99.0 {
        format!("{:.1} %", (p * 10.0).floor() / 10.0)
    } else {
        format!("{} %", p.round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // Newcombe (1998), Statistics in Medicine 17, table I: 81/263 -> 0.2553-0.3662.
        let (lo, hi) = wilson(81, 263);
        assert!(
            (lo - 0.2553).abs() < 5e-4 && (hi - 0.3662).abs() < 5e-4,
            "{lo} {hi}"
        );
        let (lo, hi) = wilson(0, 10);
        assert!(lo == 0.0 && (hi - 0.2775).abs() < 5e-4, "{hi}");
    }
}
