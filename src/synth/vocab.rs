//! Word lists for addresses, e-mail domains, UPI handles and filler text. Filler words avoid
//! every context keyword of a weak type (phone, mobile, card, aadhaar, ssn, ...), so text
//! around a decoy never lends it support by accident.

/// Indian cities: (city, state, first three digits of its PIN codes, STD code when it is two
/// digits, else empty).
pub(super) const CITIES_IN: &[(&str, &str, &str, &str)] = &[
    ("Bengaluru", "Karnataka", "560", "80"),
    ("Mumbai", "Maharashtra", "400", "22"),
    ("Chennai", "Tamil Nadu", "600", "44"),
    ("New Delhi", "Delhi", "110", "11"),
    ("Hyderabad", "Telangana", "500", "40"),
    ("Pune", "Maharashtra", "411", "20"),
    ("Kolkata", "West Bengal", "700", "33"),
    ("Ahmedabad", "Gujarat", "380", "79"),
    ("Jaipur", "Rajasthan", "302", ""),
    ("Kochi", "Kerala", "682", ""),
    ("Lucknow", "Uttar Pradesh", "226", ""),
    ("Coimbatore", "Tamil Nadu", "641", ""),
    ("Indore", "Madhya Pradesh", "452", ""),
];

/// Indian localities.
pub(super) const LOCALITIES_IN: &[&str] = &[
    "Indiranagar",
    "Koramangala",
    "Andheri West",
    "Bandra East",
    "T Nagar",
    "Adyar",
    "Salt Lake",
    "Banjara Hills",
    "Kothrud",
    "Vasant Kunj",
    "Powai",
    "Whitefield",
    "Jayanagar",
    "Malleshwaram",
    "Velachery",
    "Civil Lines",
    "Navrangpura",
    "Gomti Nagar",
];

/// Indian streets.
pub(super) const STREETS_IN: &[&str] = &[
    "MG Road",
    "Brigade Road",
    "Linking Road",
    "Anna Salai",
    "Park Street",
    "FC Road",
    "Residency Road",
    "Station Road",
    "Nehru Street",
    "Gandhi Nagar Main Road",
    "Temple Street",
    "Lake View Road",
];

/// Apartment buildings.
pub(super) const BUILDINGS: &[&str] = &[
    "Sea View",
    "Green Park",
    "Sunshine Residency",
    "Lotus Towers",
    "Palm Grove",
    "Silver Oak",
    "Shanti Niketan",
    "Royal Enclave",
];

/// Singapore streets.
pub(super) const STREETS_SG: &[&str] = &[
    "Ang Mo Kio Ave 3",
    "Tampines St 21",
    "Bedok North Rd",
    "Jurong West St 52",
    "Toa Payoh Lor 1",
    "Yishun Ring Rd",
    "Clementi Ave 2",
    "Bukit Batok St 31",
    "Serangoon Central",
    "Pasir Ris Dr 6",
];

/// US cities: (city, state, first three digits of its ZIP codes, area code).
pub(super) const CITIES_US: &[(&str, &str, &str, &str)] = &[
    ("San Francisco", "CA", "941", "415"),
    ("New York", "NY", "100", "212"),
    ("Chicago", "IL", "606", "312"),
    ("Austin", "TX", "787", "512"),
    ("Seattle", "WA", "981", "206"),
    ("Boston", "MA", "021", "617"),
    ("Denver", "CO", "802", "303"),
    ("Atlanta", "GA", "303", "404"),
];

/// US and UK streets.
pub(super) const STREETS_WEST: &[&str] = &[
    "Market St",
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Elm St",
    "Sunset Blvd",
    "Pine St",
    "High Street",
    "Church Road",
    "Victoria Road",
    "Baker Street",
    "Mill Lane",
];

/// UK cities: (city, outward code of a postcode).
pub(super) const CITIES_GB: &[(&str, &str)] = &[
    ("London", "SW1A"),
    ("London", "E1"),
    ("Manchester", "M1"),
    ("Leeds", "LS1"),
    ("Bristol", "BS1"),
    ("Edinburgh", "EH1"),
];

/// E-mail domains: all under the names reserved for documentation (RFC 2606).
pub(super) const EMAIL_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "mail.example.com",
    "corp.example.org",
    "in.example.net",
];

/// UPI payment service provider handles.
pub(super) const UPI_HANDLES: &[&str] = &[
    "okhdfcbank",
    "okicici",
    "oksbi",
    "okaxis",
    "ybl",
    "paytm",
    "ibl",
    "axl",
    "apl",
    "upi",
];

/// Merchants for payment rows.
pub(super) const MERCHANTS: &[&str] = &[
    "Acme Groceries",
    "Blue Dart Kirana",
    "City Pharmacy",
    "Metro Fuel Station",
    "Orbit Electronics",
    "Saffron Kitchen",
    "Urban Threads",
];

/// User agents. No version in them is a dotted quad of numbers up to 255, which would read
/// as an IPv4 address.
pub(super) const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.193 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.130 Safari/537.36 Edg/120.0.2210.91",
    "okhttp/4.12.0",
    "ShopApp/5.14.2 (Android 12; Redmi Note 11)",
];

/// Filler words for free text.
pub(super) const WORDS: &[&str] = &[
    "the",
    "app",
    "is",
    "not",
    "working",
    "since",
    "yesterday",
    "please",
    "help",
    "we",
    "have",
    "checked",
    "your",
    "request",
    "and",
    "it",
    "will",
    "be",
    "resolved",
    "soon",
    "thanks",
    "for",
    "waiting",
    "delivery",
    "was",
    "late",
    "again",
    "refund",
    "still",
    "pending",
    "after",
    "three",
    "days",
    "kindly",
    "update",
    "status",
    "account",
    "login",
    "fails",
    "with",
    "an",
    "error",
    "message",
    "screen",
    "shows",
    "blank",
    "page",
    "when",
    "I",
    "try",
    "to",
    "pay",
    "wallet",
    "balance",
    "looks",
    "wrong",
    "team",
    "escalated",
    "this",
    "issue",
    "engineering",
    "shared",
    "details",
    "over",
    "email",
    "thread",
    "customer",
    "says",
    "package",
    "arrived",
    "damaged",
    "box",
    "open",
    "item",
    "missing",
    "replacement",
    "requested",
    "pickup",
    "scheduled",
    "tomorrow",
    "morning",
    "noted",
    "our",
    "side",
    "apologies",
    "inconvenience",
    "caused",
    "ticket",
    "closed",
    "reopened",
    "by",
    "user",
    "feedback",
    "good",
    "bad",
    "slow",
    "fast",
    "service",
    "support",
    "agent",
    "followed",
    "up",
    "week",
    "month",
    "branch",
    "office",
    "visit",
    "documents",
    "verified",
    "kyc",
    "complete",
    "incomplete",
    "address",
    "change",
    "requested",
    "new",
    "old",
    "plan",
    "upgrade",
    "downgrade",
    "subscription",
    "renewal",
    "cancel",
    "offer",
    "coupon",
    "applied",
    "invalid",
    "expired",
    "cashback",
    "credited",
    "later",
    "today",
    "tonight",
    "weekend",
    "network",
    "issue",
    "on",
    "their",
    "end",
];

/// Context keywords of the weak types, a superset of what `patterns/*.toml` are expected to
/// list: tests check that filler text and decoys keep clear of them.
#[cfg(test)]
pub(super) const KEYWORDS: &[&str] = &[
    "phone", "mobile", "mob", "ph", "tel", "call", "contact", "whatsapp", "cell", "number", "no",
    "card", "cc", "credit", "debit", "aadhaar", "aadhar", "uid", "ssn", "social", "last4", "pan",
    "nric", "fin", "upi", "vpa",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filler_words_hold_no_keyword() {
        for w in WORDS {
            assert!(!KEYWORDS.contains(&w.to_ascii_lowercase().as_str()), "{w}");
        }
    }
}
