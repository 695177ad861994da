// Draws the toolbar/store icons with plain Node (no image library): an eHealth-blue envelope with a
// green check badge, supersampled shapes, PNG written with zlib. Run: node scripts/make-icons.mjs
// The PNGs are committed; rerun only when the design changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x1e, 0x7e, 0x34];
const SAMPLES = 8; // per axis, per pixel

// --- signed distances in design units (a 128 x 128 canvas); negative inside ---
const roundRect = (x, y, [x0, y0, x1, y1, r]) => {
  const dx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const dy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (x, y, [cx, cy, r]) => Math.hypot(x - cx, y - cy) - r;
const polyline = (x, y, points, width) => {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return best - width / 2;
};

// Small icons get thicker strokes (in pixels) and a larger badge, or the details blur into the blue.
function layers(size) {
  const px = 128 / size; // design units per pixel
  const small = size <= 16;
  const snap = (v) => Math.round(v / px) * px; // crisp outer edges: on whole pixels
  const body = (small ? [0, 16, 120, 104] : [4, 20, 112, 96]).map(snap).concat(12);
  const flapW = Math.max(8, 1.6 * px);
  const [x0, y0, x1] = body;
  const flap = [[x0 + flapW, y0 + flapW * 0.8], [(x0 + x1) / 2, small ? 66 : 62], [x1 - flapW, y0 + flapW * 0.8]];
  const badge = small ? [92, 92, 36] : [96, 92, 32];
  const ring = small ? 0.75 * px : 6;
  const [bx, by, br] = badge;
  const s = br - ring;
  // At 16 px the check is placed by hand, in pixels, so its strokes land on whole pixels.
  const check = small
    ? [[9, 11.5], [10.75, 13.25], [14, 10]].map(([x, y]) => [x * px, y * px])
    : [[bx - 0.52 * s, by + 0.02 * s], [bx - 0.14 * s, by + 0.4 * s], [bx + 0.55 * s, by - 0.38 * s]];
  const checkW = Math.max(9, 1.4 * px);
  return [
    [BLUE, (x, y) => roundRect(x, y, body)],
    [WHITE, (x, y) => polyline(x, y, flap, flapW)],
    [WHITE, (x, y) => circle(x, y, badge)],
    [GREEN, (x, y) => circle(x, y, [bx, by, br - ring])],
    [WHITE, (x, y) => polyline(x, y, check, checkW)],
  ];
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  // The Chrome Web Store asks for 96 x 96 artwork inside the 128 x 128 icon: a transparent margin
  // of 16 pixels on each side (the store and the extensions page add their own shadow there).
  const margin = size === 128 ? 16 : 0;
  const shapes = layers(size - 2 * margin);
  const scale = 128 / (size - 2 * margin);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < SAMPLES; sj++) {
        for (let si = 0; si < SAMPLES; si++) {
          const x = (i - margin + (si + 0.5) / SAMPLES) * scale;
          const y = (j - margin + (sj + 0.5) / SAMPLES) * scale;
          let colour = null; // the topmost shape covering the sample; all shapes are opaque
          for (const [c, inside] of shapes) if (inside(x, y) <= 0) colour = c;
          if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
        }
      }
      const o = (j * size + i) * 4;
      // Straight (not premultiplied) alpha, as PNG wants.
      if (a > 0) { rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a); }
      rgba[o + 3] = Math.round((255 * a) / SAMPLES ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Nearest-neighbour enlargement, to judge the small sizes by eye (--preview DIR).
function enlarge(size, rgba, factor) {
  const out = Buffer.alloc(size * factor * size * factor * 4);
  for (let y = 0; y < size * factor; y++) {
    for (let x = 0; x < size * factor; x++) {
      rgba.copy(out, (y * size * factor + x) * 4, (((y / factor) | 0) * size + ((x / factor) | 0)) * 4, (((y / factor) | 0) * size + ((x / factor) | 0)) * 4 + 4);
    }
  }
  return out;
}

const previewAt = process.argv.indexOf('--preview');
const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const rgba = render(size);
  writeFileSync(new URL(`icon-${size}.png`, outDir), encodePng(size, size, rgba));
  if (previewAt > 0) {
    const f = Math.ceil(256 / size);
    writeFileSync(`${process.argv[previewAt + 1]}/preview-${size}.png`, encodePng(size * f, size * f, enlarge(size, rgba, f)));
  }
}
console.log(`icons: ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
