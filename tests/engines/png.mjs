// Crops a PNG screenshot (8-bit RGB or RGBA, not interlaced, as WebDriver
// sends them) to a rectangle, with node:zlib only. Used for the 390x844
// picture where a window cannot be that narrow: the page is shown in a
// 390x844 iframe and the viewport screenshot is cut to it (WebKitWebDriver's
// element screenshot of an iframe leaves the top of it black).
import { crc32, deflateSync, inflateSync } from 'node:zlib';

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function cropPng(png, { x, y, width, height }) {
  let offset = 8;
  let header;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const [w, h, depth, color, interlace] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[12]];
  if (depth !== 8 || (color !== 2 && color !== 6) || interlace !== 0) throw new Error(`cannot crop this PNG (depth ${depth}, colour type ${color}, interlace ${interlace})`);
  const bpp = color === 6 ? 4 : 3;
  const stride = w * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * h);
  for (let row = 0; row < h; row++) {
    const filter = raw[row * (stride + 1)];
    const line = raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    const out = pixels.subarray(row * stride, (row + 1) * stride);
    const up = row > 0 ? pixels.subarray((row - 1) * stride, row * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[i - bpp] : 0;
      const b = up[i];
      const c = i >= bpp ? up[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = (line[i] + add) & 0xff;
    }
  }
  const cropped = Buffer.alloc((width * bpp + 1) * height);
  for (let row = 0; row < height; row++) {
    pixels.copy(cropped, row * (width * bpp + 1) + 1, (y + row) * stride + x * bpp, (y + row) * stride + (x + width) * bpp);
  }
  const ihdr = Buffer.from(header);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(cropped)), chunk('IEND', Buffer.alloc(0))]);
}
