// Languages, messages and the formatting of numbers, money and dates per locale.
//
// Every string a person reads comes from a message bundle: the shell's own and one per fragment, each with the
// same keys in every language. A key missing in the language shown is reported on the console as an error
// (the browser tests fail on it) and shown as the key itself, never silently in another language.

export const LANGUAGES = [
  { code: 'zh-CN', name: '简体中文' },
  { code: 'en', name: 'English' },
];

export function preferredLanguage(stored, browserLanguages) {
  if (LANGUAGES.some((language) => language.code === stored)) return stored;
  const chinese = (browserLanguages || []).some((language) => language.toLowerCase().startsWith('zh'));
  return chinese ? 'zh-CN' : 'en';
}

/** The keys one language of a bundle has and the other lacks, as "language: key" lines. */
export function missingKeys(bundle) {
  const problems = [];
  for (const { code } of LANGUAGES) {
    for (const { code: other } of LANGUAGES) {
      for (const key of Object.keys((bundle && bundle[other]) || {})) {
        if (!(bundle[code] && typeof bundle[code][key] === 'string')) problems.push(`${code}: ${key}`);
      }
    }
  }
  return [...new Set(problems)];
}

/** t(key, values): the message in the language, with {name} placeholders filled from values. */
export function translator(bundle, language, origin) {
  const messages = (bundle && bundle[language]) || {};
  return (key, values = {}) => {
    const message = messages[key];
    if (typeof message !== 'string') {
      console.error(`missing message ${language}:${key} in ${origin}`);
      return key;
    }
    return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  };
}

/**
 * Formats for one locale and the tenant's time zone. Money arrives as {amount, currency} with the amount as a
 * decimal string; Intl.NumberFormat takes the string as an exact decimal, so no amount passes through a float.
 */
export function formats(language, timeZone) {
  const zone = timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const moneyFormats = new Map();
  const moneyFormat = (currency) => {
    if (!moneyFormats.has(currency)) {
      moneyFormats.set(currency, new Intl.NumberFormat(language, { style: 'currency', currency }));
    }
    return moneyFormats.get(currency);
  };
  const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const numberFormat = new Intl.NumberFormat(language);
  return {
    timeZone: zone,
    money(value) {
      if (!value || value.amount === undefined || value.amount === null) return '—';
      return moneyFormat(value.currency).format(String(value.amount));
    },
    /** A calendar day (2026-03-02) as that day, whatever the time zone. */
    day(value) {
      return value ? dayFormat.format(new Date(`${value}T00:00:00Z`)) : '—';
    },
    /** An instant (2026-03-02T10:00:00Z) in the tenant's time zone. */
    instant(value) {
      return value ? instantFormat.format(new Date(value)) : '—';
    },
    number(value) {
      return value === undefined || value === null ? '—' : numberFormat.format(value);
    },
    /** Today in the tenant's time zone as an ISO day. */
    today() {
      return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(new Date());
    },
  };
}
