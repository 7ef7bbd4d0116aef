// Exact decimal arithmetic on the API's decimal strings ("1234.50", "-0.07"): amounts are never turned into
// floating point, so sums and comparisons are exact to the last minor unit.

const PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

function parse(value) {
  const text = String(value ?? '0').trim();
  const match = PATTERN.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const fraction = match[3] || '';
  const units = BigInt(match[2] + fraction) * (match[1] === '-' ? -1n : 1n);
  return { units, scale: fraction.length };
}

function aligned(a, b) {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

function text(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${whole}` : whole;
}

/** a + b as a decimal string with the larger of the two scales. */
export function add(a, b) {
  const [x, y, scale] = aligned(parse(a), parse(b));
  return text(x + y, scale);
}

/** a - b as a decimal string. */
export function subtract(a, b) {
  const [x, y, scale] = aligned(parse(a), parse(b));
  return text(x - y, scale);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a, b) {
  const [x, y] = aligned(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sum(values) {
  return values.reduce((total, value) => add(total, value), '0');
}

export function isZero(value) {
  return parse(value).units === 0n;
}
