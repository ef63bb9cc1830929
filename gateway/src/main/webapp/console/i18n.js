// Every word the console shows, in English and Dutch, and the locale's way of writing times and
// durations. t(key, {var}) fills {var}; a key missing from a dictionary is noted in
// window.herstelMissingKeys (the browser test asserts there are none) and shown as the English text.
import { en, nl } from './messages.js';

const DICTIONARIES = { en, nl };
const STORE = 'herstel.lang';
window.herstelMissingKeys = window.herstelMissingKeys || [];

let lang = localStorage.getItem(STORE) || ((navigator.language || 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en');
if (!DICTIONARIES[lang]) lang = 'en';

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = DICTIONARIES[l] ? l : 'en';
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang;
}

export function t(key, vars = {}) {
  let text = DICTIONARIES[lang][key];
  if (text === undefined) {
    if (!window.herstelMissingKeys.includes(`${lang}:${key}`)) window.herstelMissingKeys.push(`${lang}:${key}`);
    text = en[key] ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] === undefined ? '' : String(vars[name])));
}

/** An enum value (RANSOMWARE, IN_PROGRESS) in words, when the dictionary knows it. */
export function term(value) {
  if (value === undefined || value === null) return '—';
  const key = `enum.${value}`;
  const text = DICTIONARIES[lang][key] ?? en[key];
  return text ?? String(value).replace(/_/g, ' ').toLowerCase();
}

export function formatDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }).format(d);
}

/** Seconds of an ISO-8601 duration (PT4H30M, P2D, PT-5H, -PT5H), or NaN. */
export function seconds(iso) {
  const m = /^(-)?P(?:(-?\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(String(iso));
  if (!m) return NaN;
  const [, sign, d, hh, mm, ss] = m;
  const total = (Number(d) || 0) * 86400 + (Number(hh) || 0) * 3600 + (Number(mm) || 0) * 60 + (Number(ss) || 0);
  return sign ? -total : total;
}

/** Whole seconds as days, hours, minutes and seconds. */
function split(total) {
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  return { d, h, m, s: total % 60 };
}

function units() {
  return lang === 'nl' ? { d: 'd', h: 'u', min: 'min', s: 's' } : { d: 'd', h: 'h', min: 'min', s: 's' };
}

/** A duration for people: "4 h 30 min", "2 d 3 h", "45 s" (Dutch: "4 u 30 min"). */
export function formatDuration(isoOrSeconds) {
  const total = typeof isoOrSeconds === 'number' ? isoOrSeconds : seconds(isoOrSeconds);
  if (Number.isNaN(total)) return String(isoOrSeconds);
  const u = units();
  const neg = total < 0 ? '−' : '';
  const { d, h, m, s } = split(Math.round(Math.abs(total)));
  const parts = [];
  if (d) parts.push(`${d} ${u.d}`);
  if (h) parts.push(`${h} ${u.h}`);
  if (m && !d) parts.push(`${m} ${u.min}`);
  if (s && !d && !h) parts.push(`${s} ${u.s}`);
  return neg + (parts.join(' ') || `0 ${u.min}`);
}

/** A ticking countdown: "2 h 03 min 05 s"; days drop the seconds. */
export function formatCountdown(total) {
  const u = units();
  const { d, h, m, s } = split(Math.max(0, Math.floor(total)));
  const two = (n) => String(n).padStart(2, '0');
  if (d) return `${d} ${u.d} ${h} ${u.h} ${two(m)} ${u.min}`;
  if (h) return `${h} ${u.h} ${two(m)} ${u.min} ${two(s)} ${u.s}`;
  return `${m} ${u.min} ${two(s)} ${u.s}`;
}
