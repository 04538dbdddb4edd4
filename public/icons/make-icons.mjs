// Draws the app icons (a white map pin on the brand blue) and writes them as PNG
// files next to this script. No dependencies: a tiny rasteriser with 4×4
// supersampling and a PNG encoder on node:zlib. The PNGs are committed; run
// this again only to change the design: node public/icons/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];

/**
 * The pin in unit coordinates (0..1, y down), scaled by `scale` around the
 * centre: a circle with a hole, drawn out to a point below it.
 */
function pin(scale) {
  const at = (v) => 0.5 + (v - 0.5) * scale;
  const cx = 0.5;
  const cy = at(0.41);
  const r = 0.215 * scale;
  const hole = 0.085 * scale;
  const tipY = at(0.85);
  // Tangent points from the tip to the circle: cos(theta) = r / d.
  const d = tipY - cy;
  const theta = Math.acos(r / d);
  const left = [cx - r * Math.sin(theta), cy + r * Math.cos(theta)];
  const right = [cx + r * Math.sin(theta), cy + r * Math.cos(theta)];
  const side = (a, b, p) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  const tip = [cx, tipY];
  return (x, y) => {
    const dist = Math.hypot(x - cx, y - cy);
    if (dist <= hole) return false;
    if (dist <= r) return true;
    const p = [x, y];
    const s1 = side(left, right, p);
    const s2 = side(right, tip, p);
    const s3 = side(tip, left, p);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/** RGBA pixels of a size×size icon: blue background, white pin. */
function draw(size, scale) {
  const inside = pin(scale);
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          if (inside((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size)) hits++;
        }
      }
      const t = hits / (n * n);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * t);
      pixels[o + 3] = 0xff;
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// "any" icons use the whole square; the maskable one keeps the pin inside the
// central 80 % circle that every mask shape leaves visible.
for (const [file, size, scale] of [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['icon-maskable-512.png', 512, 0.78],
]) {
  writeFileSync(new URL(file, import.meta.url), png(size, draw(size, scale)));
  console.log(`wrote ${file}`);
}
