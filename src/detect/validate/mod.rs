//! Pure validators: checksums, number plans, issuer ranges.
