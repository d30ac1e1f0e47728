#!/usr/bin/env node
/**
 * Write a leak-like dump made with @faker-js/faker, and its byte-level ground truth.
 *
 * A second foreign-generator probe beside faker_dump.py: faker-js (https://fakerjs.dev, MIT)
 * is another code base with other data sets (names, streets, phone formats) than Python
 * Faker, so leakscan is measured on values, column names and layouts it was not built with.
 *
 *     npm ci --prefix scripts/foreign
 *     node scripts/foreign/fakerjs_dump.mjs OUT [--seed N] [--size BYTES]
 *     leakscan scan OUT/dump --findings OUT/findings.jsonl --reveal -q --report OUT/report.json
 *     python3 scripts/foreign/score.py OUT      # reads OUT/truth.jsonl and OUT/findings.jsonl
 *
 * OUT/dump gets, for each locale (en_US, en_GB, en_AU, en_CA, en_IN, de, fr, es, it, nl,
 * pt_BR), the same people (person 1, 2, ... of the locale) written five ways, as real leaks
 * come: a CSV with a header (`users_<loc>.csv`; `;`-separated half the time outside English),
 * JSON Lines with nested keys (`profiles_<loc>.jsonl`), a mysqldump with CREATE TABLE and
 * multi-row INSERTs (`shop_<loc>.sql`), a pg_dump COPY block (`crm_<loc>.sql`) and application
 * log lines with key=value pairs and free prose, English and, outside English, some in the
 * locale's language (`app_<loc>.log`). Column names vary per file, in English and, outside
 * English, about half in the locale's language (`telefon`, `geburtsdatum`, `adresse`,
 * `nome`, `data_nascimento`, ...). Decoys sit beside the personal data: uuids, order ids,
 * creation timestamps, semver versions, prices, bank account numbers without IBAN, hex
 * hashes, Luhn-valid internal ids of 10-12 digits, IMEIs (15 digits, Luhn-valid), MAC
 * addresses, user agents, cities, postcodes and company names. Same seed and size, same bytes
 * (faker-js is seeded per locale and its reference date fixed at REF_DATE).
 *
 * `OUT/truth.jsonl` gets one line per personal value, {"path", "offset", "length", "type",
 * "field", "record"}, exactly as faker_dump.py writes them: the span of docs CONTRACT.md
 * ("Findings stream"), bytes of the value as stored, inside its quotes, escapes included;
 * `field` the CSV header name, JSON key path (`payment.cards[].cc_number`), `table.column`
 * or log key (null in prose); `record` the 1-based row / line / SQL tuple. `path` is relative
 * to OUT/dump.
 *
 * Ground truth follows the contract and patterns/*.toml, not faker-js's idea of a type:
 * - phone: truth only if libphonenumber-js (max metadata, the same rules as Google's
 *   libphonenumber and Python's phonenumbers: they agree on all 9,900 faker-js numbers tried)
 *   says `isValidPhoneNumber(number, REGION)`, REGION the locale's country. faker-js fills
 *   its formats' digits at random, so from none (en_IN) to three in four (pt_BR) of its
 *   numbers are in no plan: unassigned NANP area codes (`(565) 924-3184`), the it locale's
 *   `+46 26 5052426`, Brazilian 9-digit numbers that are no mobile (`(46) 26505-2426`),
 *   `+31 0...`. Those are written but not truth. The check runs in this script (no second
 *   step), so one command writes the truth. An extension (` x79850`) is not part of the
 *   number: written after it, outside the span.
 * - card_number: every faker-js card pattern these locales use (en's: Visa 13/16, Mastercard
 *   51-55 and 2221-2720, Amex, Discover 6011/65, JCB 3528-3589, Diners 300-305/36) is a real
 *   issuer range and length with a Luhn digit; the number is still checked (Luhn, ISSUERS) and
 *   one that fails would be written but not truth.
 * - geo_location: faker-js coordinates are numbers, written as JavaScript prints them, so a
 *   trailing zero goes (`-2.392` at 4-decimal precision): a coordinate with fewer than 4
 *   decimals as written is no geo_location (patterns/geo_location.toml: at least 4 decimals
 *   each, about 10 m; 3 are about 100 m). Latitude and longitude in
 *   two fields of a record are each a span, both or neither: a pair needs both, so a
 *   coordinate whose other axis is empty (NULL) in its record is written but not truth;
 *   `lat, lng` in one value is one span.
 * - date_of_birth: only the birth date in a birth-date-named field (English or the locale's
 *   words, `geburtstag` and `geb_datum` too) or after `born` in prose. Formats: ISO, the JavaScript Date as JSON
 *   (`1985-03-12T00:00:00.000Z`), the locale's numeric day-month-year (month-day-year in
 *   en_US only), English month names, YYYYMMDD, and the locale's month names (`12. März 1985`,
 *   `12 de março de 1985`): a date of birth in a birth field is one, whatever its language.
 *   Creation, update and login dates are decoys.
 * - person_name: faker-js full names whole, with its prefixes and suffixes (`Mr. Jadon Skiles`,
 *   `Luca Kiehn PhD`), and first and last names in their own columns. Company names (which
 *   faker-js builds from surnames, `Kshlerin - Rice`) and city names are not truth.
 * - postal_address: faker-js has no whole address, so one is put together from its parts in
 *   the locale's order (street with, 40 %, a secondary unit; city, state and postal code,
 *   e.g. DE `Burgstr. 50\n53402 Plaukdorf`, pt_BR `622 Avenida Lorena\nMacedo do Norte -
 *   RJ\n35340-292`), one value on one line joined with `, ` or multi-line in a quoted cell
 *   (escaped `\n` in JSON and SQL); in log lines always on one line. A city or postcode alone
 *   is not an address. faker-js's en_GB postcodes are malformed (`ST66 36I`); written as is.
 * - password_plain: faker-js `internet.password` only in a password field, named in English
 *   or the locale's language (`pwd`, `passwort`, `kennwort`, `mdp`, `clave`, `senha`).
 *   password_hash: bcrypt-like `$2b$10$` + 53 characters anywhere; bare MD5/SHA-1/SHA-256
 *   hex only in a password-hash field (`hashed_password`, `passwort_hash`, `senha_hash`).
 * - email: all faker-js addresses, `example.org` ones too (RFC 2606 domains are still
 *   addresses). ip_address: IPv4 (public and private) and IPv6.
 * Types leakscan has that faker-js cannot make for these locales (aadhaar, pan_in, sg_nric,
 * us_ssn, passport, upi_id, card_partial) are not written.
 */

import fs from 'node:fs';
import path from 'node:path';
import {
  SimpleFaker, fakerDE, fakerEN_AU, fakerEN_CA, fakerEN_GB, fakerEN_IN, fakerEN_US, fakerES,
  fakerFR, fakerIT, fakerNL, fakerPT_BR,
} from '@faker-js/faker';
import { isValidPhoneNumber } from 'libphonenumber-js/max';

// faker-js instance, phone region, language of column names and prose, of each locale.
const LOCALES = {
  en_US: { faker: fakerEN_US, region: 'US', lang: 'en' },
  en_GB: { faker: fakerEN_GB, region: 'GB', lang: 'en' },
  en_AU: { faker: fakerEN_AU, region: 'AU', lang: 'en' },
  en_CA: { faker: fakerEN_CA, region: 'CA', lang: 'en' },
  en_IN: { faker: fakerEN_IN, region: 'IN', lang: 'en' },
  de: { faker: fakerDE, region: 'DE', lang: 'de' },
  fr: { faker: fakerFR, region: 'FR', lang: 'fr' },
  es: { faker: fakerES, region: 'ES', lang: 'es' },
  it: { faker: fakerIT, region: 'IT', lang: 'it' },
  nl: { faker: fakerNL, region: 'NL', lang: 'nl' },
  pt_BR: { faker: fakerPT_BR, region: 'BR', lang: 'pt' },
};
// faker-js dates are relative to now unless told: fixed, so the same seed writes the same bytes.
const REF_DATE = '2025-01-01T00:00:00.000Z';
const KINDS = ['csv', 'jsonl', 'mysql', 'pg', 'log'];

// --- checks ------------------------------------------------------------------------------

function luhnOk(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** `digits` (all but the check digit) with its Luhn check digit appended. */
function luhnComplete(digits) {
  for (let c = 0; c < 10; c++) if (luhnOk(digits + c)) return digits + c;
  throw new Error('unreachable');
}

// Issuer ranges and lengths (CONTRACT.md: "a real issuer range and length"), those of the
// networks faker-js's patterns name; src/detect/validate/card.rs has the same for these.
const ISSUERS = [
  [/^4/, [13, 16, 19]], // Visa
  [/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, [16]], // Mastercard
  [/^3[47]/, [15]], // American Express
  [/^(6011|64[4-9]|65)/, [16, 17, 18, 19]], // Discover
  [/^35(2[89]|[3-8]\d)/, [16, 17, 18, 19]], // JCB
  [/^(30[0-5]|3095|36|3[89])/, [14, 15, 16, 17, 18, 19]], // Diners Club
];

function realCard(digits) {
  return luhnOk(digits) && ISSUERS.some(([re, lens]) => re.test(digits) && lens.includes(digits.length));
}

/** Decimals of a number as written. */
function decimals(text) {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

// --- values ------------------------------------------------------------------------------
// A cell is a list of segments [text, type or null]; typed segments become truth entries.

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
    'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
    'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
    'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto',
    'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
    'oktober', 'november', 'december'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro',
    'outubro', 'novembro', 'dezembro'],
};
const pad = (n, w = 2) => String(n).padStart(w, '0');

// Birth date formats: name -> (year, month 1-12, day, language) -> text.
const DOB = {
  iso: (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
  json: (y, m, d) => `${y}-${pad(m)}-${pad(d)}T00:00:00.000Z`,
  ymd: (y, m, d) => `${y}${pad(m)}${pad(d)}`,
  dmySlash: (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
  mdySlash: (y, m, d) => `${pad(m)}/${pad(d)}/${y}`,
  dmyDot: (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
  dmyDash: (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
  dMonY: (y, m, d) => `${pad(d)}-${MONTHS.en[m - 1].slice(0, 3)}-${y}`,
  monthDY: (y, m, d) => `${MONTHS.en[m - 1]} ${d}, ${y}`,
  dMonthY: (y, m, d) => `${d} ${MONTHS.en[m - 1]} ${y}`,
  local: (y, m, d, lang) => {
    const mo = MONTHS[lang][m - 1];
    if (lang === 'de') return `${d}. ${mo} ${y}`;
    if (lang === 'es' || lang === 'pt') return `${d} de ${mo} de ${y}`;
    return `${d} ${mo} ${y}`;
  },
};
// The formats a locale's files use (month-day-year only in the US).
const DOB_FORMATS = {
  en_US: ['iso', 'json', 'ymd', 'mdySlash', 'dMonY', 'monthDY'],
  en_CA: ['iso', 'json', 'monthDY', 'dMonthY'],
  en_IN: ['iso', 'json', 'dmySlash', 'dmyDash', 'dMonY', 'dMonthY'],
  en: ['iso', 'json', 'ymd', 'dmySlash', 'dMonY', 'dMonthY'],
  de: ['iso', 'json', 'dmyDot', 'dmyDot', 'local'],
  nl: ['iso', 'json', 'dmyDash', 'local'],
  other: ['iso', 'json', 'dmySlash', 'dmySlash', 'local'],
};

// The lines of a whole address from its parts, in the locale's order.
const ADDRESS_LINES = {
  en_US: (a) => [a.street, `${a.city}, ${a.state} ${a.zip}`],
  en_CA: (a) => [a.street, `${a.city}, ${a.state} ${a.zip}`],
  en_AU: (a) => [a.street, `${a.city} ${a.state} ${a.zip}`],
  en_GB: (a) => [a.street, a.city, a.zip],
  en_IN: (a) => [a.street, `${a.city}, ${a.state} ${a.zip}`],
  it: (a) => [a.street, `${a.zip} ${a.city} (${a.state})`],
  pt_BR: (a) => [a.street, `${a.city} - ${a.state}`, a.zip],
  other: (a) => [a.street, `${a.zip} ${a.city}`],
};
const HAS_STATE = new Set(['en_US', 'en_CA', 'en_AU', 'en_IN', 'it', 'pt_BR']);
const BCRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A locale's people, made once and written by every file, and fresh decoys. */
class People {
  constructor(loc, seed, r) {
    this.loc = loc;
    this.lang = LOCALES[loc].lang;
    this.region = LOCALES[loc].region;
    this.f = LOCALES[loc].faker;
    this.f.seed(seed * 31 + Object.keys(LOCALES).indexOf(loc));
    this.f.setDefaultRefDate(REF_DATE);
    this.r = r;
    this.pool = [];
  }

  /** Person `i` (0-based) of the locale, made on first use. */
  person(i) {
    while (this.pool.length <= i) this.pool.push(this.make());
    return this.pool[i];
  }

  make() {
    const f = this.f;
    const sex = f.person.sexType();
    const first = f.person.firstName(sex);
    const last = f.person.lastName(sex);
    const precision = f.helpers.arrayElement([4, 5, 6]);
    return {
      name: f.person.fullName({ firstName: first, lastName: last, sex }),
      first,
      last,
      email: f.datatype.boolean(0.8) ? f.internet.email({ firstName: first, lastName: last })
        : f.internet.exampleEmail({ firstName: first, lastName: last }),
      // One number per faker-js style: a column writes the style it chose.
      phone: Object.fromEntries(['human', 'national', 'international'].map(
        (style) => [style, f.phone.number({ style })])),
      birth: f.date.birthdate({ mode: 'age', min: 18, max: 90 }),
      address: {
        street: f.location.streetAddress(f.datatype.boolean(0.4)),
        city: f.location.city(),
        state: HAS_STATE.has(this.loc) ? f.location.state({ abbreviated: true }) : '',
        zip: f.location.zipCode(),
      },
      card: f.finance.creditCardNumber(),
      ip: f.helpers.arrayElement([
        () => f.internet.ipv4(), () => f.internet.ipv4({ network: 'private-a' }),
        () => f.internet.ipv4({ network: 'private-c' }), () => f.internet.ipv6()])(),
      lat: f.location.latitude({ precision }),
      lng: f.location.longitude({ precision }),
      password: f.datatype.boolean(0.7)
        ? f.internet.password({ length: f.number.int({ min: 8, max: 16 }) })
        : f.internet.password({ memorable: true, length: f.number.int({ min: 8, max: 14 }) }),
      hash: f.helpers.arrayElement([
        () => f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
        () => f.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }),
        () => f.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
        () => `$2b$${f.helpers.arrayElement(['10', '12'])}$${f.string.fromCharacters(BCRYPT, 53)}`,
        () => `$2a$10$${f.string.fromCharacters(BCRYPT, 53)}`])(),
    };
  }

  // Personal values of person `p`, shaped by the column's `fmt` (chosen per file column).

  name(p) { return [[p.name, 'person_name']]; }

  first(p) { return [[p.first, 'person_name']]; }

  last(p) { return [[p.last, 'person_name']]; }

  email(p) { return [[p.email, 'email']]; }

  phone(p, fmt) {
    const text = p.phone[fmt];
    // faker-js's extension (`x79850`, after a space) is not part of the number.
    const x = text.indexOf(' x');
    const number = x < 0 ? text : text.slice(0, x);
    const cell = [[number, isValidPhoneNumber(number, this.region) ? 'phone' : null]];
    if (x >= 0) cell.push([text.slice(x), null]);
    return cell;
  }

  dob(p, fmt) {
    const b = p.birth;
    return [[DOB[fmt](b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate(), this.lang),
      'date_of_birth']];
  }

  address(p, fmt) {
    const lines = (ADDRESS_LINES[this.loc] || ADDRESS_LINES.other)(p.address);
    return [[lines.join(fmt === 'lines' ? '\n' : ', '), 'postal_address']];
  }

  card(p, fmt) {
    const digits = p.card.replace(/-/g, '');
    let text = p.card; // faker-js's own form: dashed or bare, by pattern
    if (fmt === 'digits') text = digits;
    if (fmt === 'spaced' && digits.length === 16) text = digits.match(/..../g).join(' ');
    return [[text, realCard(digits) ? 'card_number' : null]];
  }

  ip(p) { return [[p.ip, 'ip_address']]; }

  password(p) { return [[p.password, 'password_plain']]; }

  // A bare hex digest is a password hash only in a field that says so: every column of this
  // generator is a password-hash field (COLUMNS), the log key too.
  password_hash(p) { return [[p.hash, 'password_hash']]; }

  // One coordinate of a pair in two fields: truth if it has its 4 decimals and so does the other.
  lat(p) { return [[String(p.lat), this.geoOk(p) ? 'geo_location' : null]]; }

  lng(p) { return [[String(p.lng), this.geoOk(p) ? 'geo_location' : null]]; }

  geoOk(p) { return decimals(String(p.lat)) >= 4 && decimals(String(p.lng)) >= 4; }

  location(p, fmt) {
    return [[`${p.lat}${fmt}${p.lng}`, this.geoOk(p) ? 'geo_location' : null]];
  }

  // Decoys: fresh values, nothing personal.

  uuid() { return [[this.f.string.uuid(), null]]; }

  order_id() {
    const f = this.f;
    return [[this.r.datatype.boolean()
      ? `ORD-${f.number.int({ min: 2019, max: 2024 })}-${f.string.numeric(6)}`
      : f.string.numeric({ length: 10, allowLeadingZeros: false }), null]];
  }

  created(p, fmt) {
    const d = this.f.date.past({ years: 6 });
    const iso = d.toISOString();
    return [[fmt === 'iso' ? iso : fmt === 'sql' ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
      : String(Math.floor(d.getTime() / 1000)), null]];
  }

  version() { return [[this.f.system.semver(), null]]; }

  price() { return [[this.f.commerce.price({ min: 1, max: 5000 }), null]]; }

  account() { return [[this.f.finance.accountNumber(this.r.helpers.arrayElement([8, 10, 12])), null]]; }

  internal_id() {
    const n = this.r.number.int({ min: 10, max: 12 });
    return [[luhnComplete(this.f.string.numeric({ length: n - 1, allowLeadingZeros: false })), null]];
  }

  imei() { return [[this.f.phone.imei().replace(/-/g, ''), null]]; }

  mac() { return [[this.f.internet.mac(), null]]; }

  checksum() {
    return [[this.r.datatype.boolean() ? this.f.git.commitSha()
      : this.f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }), null]];
  }

  agent() { return [[this.f.internet.userAgent(), null]]; }

  city() { return [[this.f.location.city(), null]]; }

  zip() { return [[this.f.location.zipCode(), null]]; }

  company() { return [[this.f.company.name(), null]]; }
}

// --- columns -----------------------------------------------------------------------------

// [generator, English column names, JSON group, SQL type, formats a file's column picks from]
const COLUMNS = [
  ['uuid', ['uuid', 'guid', 'external_id', 'customerId'], '', 'char(36)'],
  ['name', ['name', 'full_name', 'customer_name', 'fullName', 'contact_name'], 'profile', 'varchar(120)'],
  ['first', ['first_name', 'fname', 'firstName', 'given_name'], 'profile', 'varchar(60)'],
  ['last', ['last_name', 'surname', 'lname', 'lastName', 'family_name'], 'profile', 'varchar(60)'],
  ['email', ['email', 'e_mail', 'emailAddress', 'mail', 'email_address'], 'contact', 'varchar(255)'],
  ['phone', ['phone', 'mobile', 'phone_number', 'phoneNumber', 'tel', 'contact_no', 'cell'],
    'contact', 'varchar(32)', ['human', 'national', 'international']],
  ['dob', ['dob', 'birthdate', 'date_of_birth', 'birth_date', 'dateOfBirth', 'birthday'],
    'profile', 'varchar(24)', null], // formats: DOB_FORMATS of the locale
  ['address', ['address', 'shipping_address', 'billing_address', 'addr', 'postal_address',
    'mailingAddress'], 'shipping', 'text', ['lines', 'comma']],
  ['city', ['city', 'town'], 'shipping', 'varchar(60)'],
  ['zip', ['zip', 'postcode', 'postal_code', 'zipCode'], 'shipping', 'varchar(12)'],
  ['card', ['cc_number', 'card_number', 'cardNumber', 'credit_card', 'cc'], 'payment',
    'varchar(24)', ['faker', 'digits', 'spaced']],
  ['password', ['password', 'pwd', 'pass', 'user_pass'], 'auth', 'varchar(64)'],
  ['password_hash', ['password_hash', 'hashed_password', 'encrypted_password', 'pass_hash'],
    'auth', 'varchar(80)'],
  ['ip', ['ip', 'ip_address', 'last_ip', 'login_ip', 'client_ip', 'ipAddress', 'remote_addr'],
    'meta', 'varchar(45)'],
  ['lat', ['lat', 'latitude'], 'geo', 'decimal(9,6)'],
  ['lng', ['lng', 'lon', 'longitude'], 'geo', 'decimal(9,6)'],
  ['location', ['location', 'coordinates', 'gps', 'geo'], 'meta', 'varchar(40)', [', ', ',', ' ']],
  ['order_id', ['order_id', 'last_order', 'order_no', 'orderNumber'], 'meta', 'varchar(20)'],
  ['created', ['created_at', 'updated_at', 'last_login', 'createdAt'], 'meta', 'varchar(25)',
    ['iso', 'sql', 'epoch']],
  ['version', ['app_version', 'client_version', 'build'], 'meta', 'varchar(24)'],
  ['price', ['price', 'amount', 'total', 'balance'], 'meta', 'decimal(10,2)'],
  ['account', ['account_ref', 'account_number', 'acct_no'], 'meta', 'varchar(16)'],
  ['internal_id', ['internal_id', 'member_no', 'loyalty_id', 'ref_no'], 'meta', 'varchar(16)'],
  ['imei', ['imei', 'device_imei', 'deviceImei'], 'meta', 'varchar(16)'],
  ['mac', ['mac', 'mac_address', 'device_mac'], 'meta', 'varchar(17)'],
  ['checksum', ['etag', 'checksum', 'session_token', 'sha'], 'meta', 'char(40)'],
  ['agent', ['user_agent', 'ua', 'userAgent'], 'meta', 'text'],
  ['company', ['company', 'employer', 'organisation'], 'profile', 'varchar(80)'],
];

// Column names in the locale's language, as its own developers name them.
const LOCAL_NAMES = {
  de: {
    name: ['name', 'vollname', 'kundenname'], first: ['vorname'], last: ['nachname', 'familienname'],
    email: ['e_mail_adresse'], phone: ['telefon', 'telefonnummer', 'handy', 'mobilnummer'],
    dob: ['geburtsdatum', 'geb_datum', 'geburtstag'],
    address: ['adresse', 'anschrift', 'lieferadresse', 'rechnungsadresse'],
    city: ['stadt', 'ort', 'wohnort'], zip: ['plz', 'postleitzahl'],
    card: ['kreditkarte', 'kartennummer'], password: ['passwort', 'kennwort'],
    password_hash: ['passwort_hash'], ip: ['ip_adresse'], lat: ['breitengrad'],
    lng: ['laengengrad'], location: ['standort', 'koordinaten'],
    order_id: ['bestellnummer', 'auftragsnr'], created: ['erstellt_am', 'angelegt_am'],
    price: ['preis', 'betrag'], account: ['kontonummer'], company: ['firma', 'arbeitgeber'],
  },
  fr: {
    name: ['nom_complet', 'nom_client'], first: ['prenom'], last: ['nom', 'nom_de_famille'],
    email: ['courriel', 'adresse_email'], phone: ['telephone', 'portable', 'numero_tel'],
    dob: ['date_naissance', 'date_de_naissance', 'naissance'],
    address: ['adresse', 'adresse_postale', 'adresse_livraison'], city: ['ville', 'commune'],
    zip: ['code_postal', 'cp'], card: ['carte_bancaire', 'numero_carte'],
    password: ['mot_de_passe', 'mdp'], password_hash: ['hash_mot_de_passe'],
    ip: ['adresse_ip'], location: ['position', 'coordonnees'],
    order_id: ['commande', 'num_commande'], created: ['date_creation', 'cree_le'],
    price: ['prix', 'montant'], account: ['numero_compte'], company: ['societe', 'entreprise'],
  },
  es: {
    name: ['nombre_completo', 'nombre_cliente'], first: ['nombre'], last: ['apellidos', 'apellido'],
    email: ['correo', 'correo_electronico'], phone: ['telefono', 'movil'],
    dob: ['fecha_nacimiento', 'fecha_de_nacimiento'],
    address: ['direccion', 'domicilio', 'direccion_envio'], city: ['ciudad', 'localidad'],
    zip: ['codigo_postal'], card: ['tarjeta', 'numero_tarjeta'], password: ['contrasena', 'clave'],
    password_hash: ['hash_contrasena'], ip: ['direccion_ip'], lat: ['latitud'], lng: ['longitud'],
    location: ['ubicacion', 'coordenadas'], order_id: ['pedido', 'num_pedido'],
    created: ['fecha_alta', 'creado_en'], price: ['precio', 'importe'],
    account: ['numero_cuenta'], company: ['empresa'],
  },
  it: {
    name: ['nome_completo', 'nominativo'], first: ['nome'], last: ['cognome'],
    email: ['posta_elettronica'], phone: ['telefono', 'cellulare'],
    dob: ['data_nascita', 'data_di_nascita'],
    address: ['indirizzo', 'indirizzo_spedizione', 'residenza'], city: ['citta', 'comune'],
    zip: ['cap'], card: ['carta_credito', 'numero_carta'], ip: ['indirizzo_ip'],
    lat: ['latitudine'], lng: ['longitudine'], location: ['posizione', 'coordinate'],
    order_id: ['ordine', 'num_ordine'], created: ['data_creazione', 'creato_il'],
    price: ['prezzo', 'importo'], account: ['numero_conto'], company: ['azienda', 'ditta'],
  },
  nl: {
    name: ['naam', 'volledige_naam', 'klantnaam'], first: ['voornaam'], last: ['achternaam'],
    email: ['e_mailadres'], phone: ['telefoon', 'telefoonnummer', 'mobiel'],
    dob: ['geboortedatum', 'geb_datum'], address: ['adres', 'bezorgadres', 'factuuradres'],
    city: ['plaats', 'woonplaats'], card: ['creditcard', 'kaartnummer'], password: ['wachtwoord'],
    password_hash: ['wachtwoord_hash'], ip: ['ip_adres'], lat: ['breedtegraad'],
    lng: ['lengtegraad'], location: ['locatie'], order_id: ['bestelnummer'],
    created: ['aangemaakt_op'], price: ['prijs', 'bedrag'], account: ['rekeningnummer'],
    company: ['bedrijf', 'werkgever'],
  },
  pt: {
    name: ['nome', 'nome_completo'], first: ['primeiro_nome'], last: ['sobrenome'],
    phone: ['telefone', 'celular', 'fone'], dob: ['data_nascimento', 'dt_nascimento', 'nascimento'],
    address: ['endereco', 'endereco_entrega', 'logradouro'], city: ['cidade', 'municipio'],
    zip: ['cep'], card: ['cartao', 'numero_cartao'], password: ['senha'],
    password_hash: ['senha_hash'], ip: ['endereco_ip'], location: ['localizacao'],
    order_id: ['pedido', 'num_pedido'], created: ['criado_em', 'data_cadastro'],
    price: ['preco', 'valor'], account: ['numero_conta'], company: ['empresa'],
  },
};
const ALWAYS = new Set(['uuid', 'name', 'email', 'phone']);

/** A file's columns, {gen, name, group, sql, fmt}: most generators, names and formats varied. */
function schema(people) {
  const r = people.r;
  const local = LOCAL_NAMES[people.lang] || {};
  const cols = [];
  for (const [gen, names, group, sql, fmts] of COLUMNS) {
    if (!ALWAYS.has(gen) && r.datatype.boolean(0.25)) continue;
    const name = local[gen] && r.datatype.boolean(0.5) ? r.helpers.arrayElement(local[gen])
      : r.helpers.arrayElement(names);
    const dobFmts = DOB_FORMATS[people.loc] || DOB_FORMATS[people.lang] || DOB_FORMATS.other;
    const fmt = gen === 'dob' ? r.helpers.arrayElement(dobFmts)
      : fmts ? r.helpers.arrayElement(fmts) : null;
    cols.push({ gen, name, group, sql, fmt });
  }
  // A coordinate alone is no position: both axes or neither.
  const has = (g) => cols.some((c) => c.gen === g);
  return has('lat') && has('lng') ? cols : cols.filter((c) => c.gen !== 'lat' && c.gen !== 'lng');
}

/** Person `i`'s record: a cell (segments) or null (empty) per column. */
function row(people, cols, i) {
  const p = people.person(i);
  const cells = cols.map((c) => (c.gen !== 'uuid' && people.r.datatype.boolean(0.08) ? null
    : people[c.gen](p, c.fmt)));
  // A coordinate whose other axis is empty in this record locates no one: written, not truth
  // (the first scan counted such lone coordinates as misses, wrongly).
  const axes = cols.map((c, j) => (c.gen === 'lat' || c.gen === 'lng' ? j : -1)).filter((j) => j >= 0);
  if (axes.some((j) => !cells[j])) {
    for (const j of axes) if (cells[j]) cells[j] = cells[j].map(([t]) => [t, null]);
  }
  return cells;
}

// --- writers -----------------------------------------------------------------------------

const textOf = (cell) => cell.map(([t]) => t).join('');

/** A file being written, with the truth spans of what went into it. */
class Out {
  constructor(rel) {
    this.rel = rel;
    this.parts = [];
    this.n = 0;
    this.truth = [];
  }

  raw(s) {
    const b = Buffer.from(s, 'utf8');
    this.parts.push(b);
    this.n += b.length;
  }

  /** Writes a cell's segments escaped by `esc`, recording spans of typed ones. */
  cell(segs, esc, field, record) {
    for (const [text, type] of segs) {
      const start = this.n;
      this.raw(esc(text));
      if (type) {
        this.truth.push({ path: this.rel, offset: start, length: this.n - start, type, field, record });
      }
    }
  }

  save(root) { fs.writeFileSync(path.join(root, this.rel), Buffer.concat(this.parts)); }
}

const asIs = (s) => s;

function csvFile(rel, people, cols, rows) {
  const out = new Out(rel);
  const sep = people.lang !== 'en' && people.r.datatype.boolean() ? ';' : ',';
  out.raw(cols.map((c) => c.name).join(sep) + '\n');
  rows.forEach((cells, i) => {
    cols.forEach((col, j) => {
      if (j) out.raw(sep);
      const cell = cells[j];
      if (!cell) return;
      const t = textOf(cell);
      const quote = /["\n\r]/.test(t) || t.includes(sep) || people.r.datatype.boolean(0.1);
      if (quote) out.raw('"');
      out.cell(cell, (s) => s.replaceAll('"', '""'), col.name, i + 1);
      if (quote) out.raw('"');
    });
    out.raw('\n');
  });
  return out;
}

const jsonStr = (s) => JSON.stringify(s).slice(1, -1);
const NUMERIC = new Set(['lat', 'lng', 'price']);

function jsonlFile(rel, people, cols, rows) {
  const out = new Out(rel);
  rows.forEach((cells, i) => {
    const groups = new Map(); // JSON group -> [column, cell], in column order
    cols.forEach((col, j) => {
      if (!groups.has(col.group)) groups.set(col.group, []);
      groups.get(col.group).push([col, cells[j]]);
    });
    out.raw('{');
    [...groups].forEach(([group, members], g) => {
      if (g) out.raw(',');
      if (group) out.raw(`"${group}":{`);
      members.forEach(([col, cell], k) => {
        if (k) out.raw(',');
        let key = group ? `${group}.${col.name}` : col.name;
        const inCards = col.gen === 'card' && group === 'payment';
        if (inCards) {
          out.raw(`"cards":[{"${col.name}":`);
          key = `payment.cards[].${col.name}`;
        } else {
          out.raw(`"${col.name}":`);
        }
        const t = cell && textOf(cell);
        if (!cell) {
          out.raw('null');
        } else if (NUMERIC.has(col.gen) || (col.gen === 'phone' && /^[1-9]\d+$/.test(t)
            && people.r.datatype.boolean())) {
          out.cell(cell, asIs, key, i + 1);
        } else {
          out.raw('"');
          out.cell(cell, jsonStr, key, i + 1);
          out.raw('"');
        }
        if (inCards) out.raw('}]');
      });
      if (group) out.raw('}');
    });
    out.raw('}\n');
  });
  return out;
}

const mysqlStr = (s) => s.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')
  .replaceAll('\r', '\\r');

function mysqlFile(rel, people, cols, rows, table) {
  const out = new Out(rel);
  out.raw('-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost'
    + '    Database: shop\n-- ------------------------------------------------------\n'
    + '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n'
    + `/*!40101 SET NAMES utf8mb4 */;\n\nDROP TABLE IF EXISTS \`${table}\`;\n`
    + `CREATE TABLE \`${table}\` (\n  \`id\` int NOT NULL AUTO_INCREMENT,\n`);
  for (const col of cols) out.raw(`  \`${col.name}\` ${col.sql} DEFAULT NULL,\n`);
  out.raw('  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n'
    + `LOCK TABLES \`${table}\` WRITE;\n`);
  rows.forEach((cells, k) => {
    const i = k + 1;
    if (k % 5 === 0) out.raw(`INSERT INTO \`${table}\` VALUES `);
    out.raw(`(${i}`);
    cols.forEach((col, j) => {
      out.raw(',');
      const field = `${table}.${col.name}`;
      if (!cells[j]) {
        out.raw('NULL');
      } else if (NUMERIC.has(col.gen)) {
        out.cell(cells[j], asIs, field, i);
      } else {
        out.raw("'");
        out.cell(cells[j], mysqlStr, field, i);
        out.raw("'");
      }
    });
    out.raw(')');
    out.raw(i % 5 === 0 || i === rows.length ? ';\n' : ',');
  });
  out.raw('UNLOCK TABLES;\n');
  return out;
}

const copyStr = (s) => s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n')
  .replaceAll('\r', '\\r');

function pgFile(rel, people, cols, rows, table) {
  const out = new Out(rel);
  const names = cols.map((c) => c.name.toLowerCase());
  out.raw('--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n'
    + "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n"
    + `CREATE TABLE public.${table} (\n    id integer NOT NULL,\n`
    + cols.map((c, j) => `    ${names[j]} ${c.sql.replace('decimal', 'numeric')}`).join(',\n')
    + '\n);\n\n'
    + `COPY public.${table} (id, ${names.join(', ')}) FROM stdin;\n`);
  rows.forEach((cells, k) => {
    out.raw(String(k + 1));
    cols.forEach((col, j) => {
      out.raw('\t');
      if (!cells[j]) out.raw('\\N');
      else out.cell(cells[j], copyStr, `${table}.${names[j]}`, k + 1);
    });
    out.raw('\n');
  });
  out.raw('\\.\n\n');
  return out;
}

// Log events: plain text (string), a value in prose ([generator, fmt]) or key=value
// ({key: [generator, fmt]}). Prose in the locale's language for the non-English ones.
const EVENTS = [
  ['INFO [auth] login ok ', { user_id: ['internal_id'] }, ' ', { email: ['email'] }, ' ',
    { ip: ['ip'] }, ' ', { ua: ['agent'] }],
  ['WARN [payment] declined ', { order_id: ['order_id'] }, ' ', { card: ['card', 'faker'] }, ' ',
    { amount: ['price'] }],
  ['INFO [profile] updated ', { phone: ['phone', 'international'] }, ' ', { dob: ['dob', 'iso'] },
    ' ', { request_id: ['uuid'] }],
  ['INFO [auth] password reset requested by ', ['name'], ' <', ['email'], '> from ', ['ip']],
  ['INFO [shipping] label printed for ', ['name'], ', ', ['address', 'comma'], ' (order ',
    ['order_id'], ')'],
  ['INFO [support] customer ', ['name'], ' called from ', ['phone', 'human'], ' about order ',
    ['order_id']],
  ['INFO [kyc] identity check passed for ', ['name'], ' (born ', ['dob', 'dMonthY'], ')'],
  ['DEBUG [geo] fix ', { lat: ['lat'] }, ' ', { lng: ['lng'] }, ' ', { gps: ['location', ', '] },
    ' ', { version: ['version'] }],
  ['ERROR [signup] duplicate ', { email: ['email'] }, ' ', { password: ['password'] }, ' ',
    { password_hash: ['password_hash'] }, ' ', { name: ['name'] }],
];
const LOCAL_EVENTS = {
  de: [['INFO [support] Kunde ', ['name'], ' bittet um Rückruf unter ', ['phone', 'national']],
    ['INFO [versand] Lieferadresse von ', ['name'], ' geändert: ', ['address', 'comma']]],
  fr: [['INFO [support] Le client ', ['name'], ' a appelé depuis le ', ['phone', 'national']],
    ['INFO [livraison] Nouvelle adresse de ', ['name'], ' : ', ['address', 'comma']]],
  es: [['INFO [soporte] El cliente ', ['name'], ' llamó desde el ', ['phone', 'national']],
    ['INFO [envio] Dirección de envío de ', ['name'], ': ', ['address', 'comma']]],
  it: [['INFO [supporto] Il cliente ', ['name'], ' ha chiamato dal ', ['phone', 'national']],
    ['INFO [spedizione] Indirizzo di spedizione di ', ['name'], ': ', ['address', 'comma']]],
  nl: [['INFO [support] Klant ', ['name'], ' belde vanaf ', ['phone', 'national']],
    ['INFO [verzending] Afleveradres van ', ['name'], ' gewijzigd: ', ['address', 'comma']]],
  pt: [['INFO [suporte] O cliente ', ['name'], ' ligou do ', ['phone', 'national']],
    ['INFO [entrega] Endereço de entrega de ', ['name'], ' alterado: ', ['address', 'comma']]],
};

/** Application log lines about people 1, 2, ...: about `budget` bytes. */
function logFile(rel, people, budget) {
  const out = new Out(rel);
  const r = people.r;
  // The locale's own prose twice: about a third of the prose lines then are in its language.
  const local = LOCAL_EVENTS[people.lang] || [];
  const events = EVENTS.concat(local, local);
  for (let line = 1; out.n < budget; line++) {
    const p = people.person(line - 1);
    out.raw(people.f.date.recent({ days: 365 }).toISOString() + ' ');
    for (const it of r.helpers.arrayElement(events)) {
      if (typeof it === 'string') {
        out.raw(it);
        continue;
      }
      const prose = Array.isArray(it);
      const [key, [gen, fmt]] = prose ? [null, it] : Object.entries(it)[0];
      // An address is on one line in a log line.
      const cell = people[gen](p, fmt).map(([t, ty]) => [t.replaceAll('\n', ', '), ty]);
      if (prose) {
        out.cell(cell, asIs, null, line);
        continue;
      }
      const quoted = textOf(cell).includes(' ');
      out.raw(`${key}=${quoted ? '"' : ''}`);
      out.cell(cell, asIs, key, line);
      if (quoted) out.raw('"');
    }
    out.raw('\n');
  }
  return out;
}

// --- main --------------------------------------------------------------------------------

function parseArgs(argv) {
  const usage = 'usage: node scripts/foreign/fakerjs_dump.mjs OUT [--seed N] [--size BYTES]';
  const a = { out: null, seed: 1, size: 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed' || argv[i] === '--size') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(usage);
      a[argv[i - 1].slice(2)] = v;
    } else if (!a.out && !argv[i].startsWith('-')) {
      a.out = argv[i];
    } else {
      throw new Error(usage);
    }
  }
  if (!a.out) throw new Error(usage);
  return a;
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const dump = path.join(a.out, 'dump');
  fs.mkdirSync(dump, { recursive: true });
  const r = new SimpleFaker();
  r.seed(a.seed);
  const perFile = Math.floor(a.size / (Object.keys(LOCALES).length * KINDS.length));
  const truth = [];
  for (const loc of Object.keys(LOCALES)) {
    const people = new People(loc, a.seed, r);
    for (const kind of KINDS) {
      let o;
      if (kind === 'log') {
        o = logFile(`app_${loc}.log`, people, perFile);
      } else {
        const cols = schema(people);
        const rows = [];
        for (let size = 0; size < perFile;) {
          const cells = row(people, cols, rows.length);
          rows.push(cells);
          size += cells.reduce((s, c) => s + (c ? Buffer.byteLength(textOf(c)) + 3 : 2), 0);
        }
        if (kind === 'csv') o = csvFile(`users_${loc}.csv`, people, cols, rows);
        else if (kind === 'jsonl') o = jsonlFile(`profiles_${loc}.jsonl`, people, cols, rows);
        else if (kind === 'mysql') o = mysqlFile(`shop_${loc}.sql`, people, cols, rows, 'customers');
        else o = pgFile(`crm_${loc}.sql`, people, cols, rows, 'contacts');
      }
      o.save(dump);
      truth.push(...o.truth);
    }
  }
  fs.writeFileSync(path.join(a.out, 'truth.jsonl'), truth.map((t) => JSON.stringify(t) + '\n').join(''));
  console.log(`wrote ${Object.keys(LOCALES).length * KINDS.length} files to ${dump} and `
    + `${truth.length} truth entries to ${path.join(a.out, 'truth.jsonl')}`);
}

main();
