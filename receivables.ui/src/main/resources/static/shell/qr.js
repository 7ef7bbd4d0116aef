// QR codes drawn in the browser, without a library or a service: payment instructions (a wallet's payload, the
// EPC "girocode" of a bank transfer) become an image that a phone scans.
//
// Byte mode, error correction level M, versions 1 to 10 (payloads of up to 213 bytes; wallet payloads are short
// URLs, EPC payloads at most 331 bytes but usually well under 200). The mask is chosen by the standard's penalty
// rules 1, 2 and 4 only; every mask gives a valid code, rule 3 only tunes readability.

const EC_BLOCKS = [null, // per version, level M: [ec codewords per block, blocks, data codewords, blocks, data codewords]
  [10, 1, 16, 0, 0], [16, 1, 28, 0, 0], [26, 1, 44, 0, 0], [18, 2, 32, 0, 0], [24, 2, 43, 0, 0],
  [16, 4, 27, 0, 0], [18, 4, 31, 0, 0], [22, 2, 38, 2, 39], [22, 3, 36, 2, 37], [26, 4, 43, 1, 44]];
const ALIGNMENT = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
  [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const MASKS = [
  (y, x) => (y + x) % 2 === 0,
  (y) => y % 2 === 0,
  (y, x) => x % 3 === 0,
  (y, x) => (y + x) % 3 === 0,
  (y, x) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (y, x) => (y * x) % 2 + (y * x) % 3 === 0,
  (y, x) => ((y * x) % 2 + (y * x) % 3) % 2 === 0,
  (y, x) => ((y + x) % 2 + (y * x) % 3) % 2 === 0,
];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, v = 1; i < 255; i++, v = (v << 1) ^ (v & 0x80 ? 0x11d : 0)) {
  EXP[i] = v;
  LOG[v] = i;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
const times = (a, b) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

function errorCorrection(data, degree) {
  let generator = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array(generator.length + 1).fill(0);
    generator.forEach((g, j) => {
      next[j] ^= g;
      next[j + 1] ^= times(g, EXP[i]);
    });
    generator = next;
  }
  const remainder = new Array(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift();
    remainder.push(0);
    for (let j = 0; j < degree; j++) remainder[j] ^= times(generator[j + 1], factor);
  }
  return remainder;
}

function codewords(bytes, version) {
  const [ecLength, blocks1, data1, blocks2, data2] = EC_BLOCKS[version];
  const capacity = blocks1 * data1 + blocks2 * data2;
  const bits = [];
  const put = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  bytes.forEach((b) => put(b, 8));
  put(0, Math.min(4, capacity * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const data = [];
  for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(''), 2));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);
  const blocks = [];
  for (let i = 0, offset = 0; i < blocks1 + blocks2; i++) {
    const length = i < blocks1 ? data1 : data2;
    const block = data.slice(offset, offset + length);
    offset += length;
    blocks.push({ data: block, ec: errorCorrection(block, ecLength) });
  }
  const result = [];
  for (let i = 0; i < Math.max(data1, data2); i++) blocks.forEach((b) => { if (i < b.data.length) result.push(b.data[i]); });
  for (let i = 0; i < ecLength; i++) blocks.forEach((b) => result.push(b.ec[i]));
  return result;
}

// The BCH code that protects format and version bits: value followed by its remainder.
function bch(value, generator, degree) {
  let remainder = value;
  for (let i = 0; i < degree; i++) remainder = (remainder << 1) ^ ((remainder >>> (degree - 1)) * generator);
  return (value << degree) | remainder;
}

function matrix(version, words, mask) {
  const size = 17 + 4 * version;
  const dark = Array.from({ length: size }, () => new Array(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
  const set = (x, y, on) => { dark[y][x] = on; fixed[y][x] = true; };
  for (let i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  const centres = ALIGNMENT[version];
  for (const cx of centres) {
    for (const cy of centres) {
      const onFinder = (cx === 6 && cy === 6) || (cx === 6 && cy === centres[centres.length - 1])
        || (cy === 6 && cx === centres[centres.length - 1]);
      if (onFinder) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  // Format bits: level M is 00, then the mask; written twice around the finders.
  const format = bch(mask, 0x537, 10) ^ 0x5412;
  const bit = (value, i) => ((value >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, bit(format, i));
  set(8, 7, bit(format, 6));
  set(8, 8, bit(format, 7));
  set(7, 8, bit(format, 8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(format, i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(format, i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(format, i));
  set(8, size - 8, true);
  if (version >= 7) {
    const versionBits = bch(version, 0x1f25, 12);
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit(versionBits, i));
      set(b, a, bit(versionBits, i));
    }
  }
  // Data in two-module columns, zigzagging up and down from the bottom right, skipping the timing column.
  let index = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vertical = 0; vertical < size; vertical++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vertical : vertical;
        if (fixed[y][x]) continue;
        const on = index < words.length * 8 && bit(words[index >>> 3], 7 - (index & 7));
        index++;
        dark[y][x] = on !== MASKS[mask](y, x);
      }
    }
  }
  return dark;
}

function penalty(dark) {
  const size = dark.length;
  let score = 0;
  for (let line = 0; line < size; line++) {
    for (const horizontal of [true, false]) {
      let run = 1;
      for (let i = 1; i <= size; i++) {
        const same = i < size && (horizontal ? dark[line][i] === dark[line][i - 1] : dark[i][line] === dark[i - 1][line]);
        if (same) {
          run++;
        } else {
          if (run >= 5) score += run - 2;
          run = 1;
        }
      }
    }
  }
  let darkCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (dark[y][x]) darkCount++;
      if (y < size - 1 && x < size - 1 && dark[y][x] === dark[y][x + 1] && dark[y][x] === dark[y + 1][x]
        && dark[y][x] === dark[y + 1][x + 1]) score += 3;
    }
  }
  return score + 10 * Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size));
}

/** The QR code of {@code text} as rows of booleans (true = dark), with the given mask or the best one. */
export function encode(text, mask) {
  const bytes = Array.from(new TextEncoder().encode(text));
  const version = EC_BLOCKS.findIndex((b, v) => b && bytes.length + (v < 10 ? 2 : 3) <= b[1] * b[2] + b[3] * b[4]);
  if (version < 0) throw new Error(`a payload of ${bytes.length} bytes is too long for this encoder (at most 213)`);
  const words = codewords(bytes, version);
  if (mask !== undefined) return matrix(version, words, mask);
  const candidates = MASKS.map((_, m) => matrix(version, words, m));
  const scores = candidates.map(penalty);
  return candidates[scores.indexOf(Math.min(...scores))];
}

function svg(dark, moduleSize = 8) {
  const quiet = 4;
  const size = (dark.length + 2 * quiet) * moduleSize;
  let path = '';
  dark.forEach((row, y) => row.forEach((on, x) => {
    if (on) path += `M${(x + quiet) * moduleSize} ${(y + quiet) * moduleSize}h${moduleSize}v${moduleSize}h-${moduleSize}z`;
  }));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" `
    + `shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** The QR code of payload as an image element described by alt; throws when the payload is too long. */
export function qrImage(payload, alt) {
  const image = document.createElement('img');
  image.className = 'qr';
  image.alt = alt;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg(encode(payload)))}`;
  return image;
}
