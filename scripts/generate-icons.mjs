#!/usr/bin/env node
/**
 * Writes the app's PNG icons into public/icons/ (run: `node scripts/generate-icons.mjs`).
 *
 * The design, drawn in code so it can be regenerated exactly: a line fit
 * (amber) through six scattered data points (white) on the theme blue. Shapes
 * are signed-distance functions in a unit square; each pixel averages a 4x4
 * grid of samples, which anti-aliases the edges. The output is deterministic.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");

/** Colours as [r, g, b]; the blue is the manifest's theme colour (#1d4ed8). */
const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xfb, 0xbf, 0x24];

/** Data points in the unit square (y grows downwards), alternating above and below the line. */
const DOTS = [
  [0.24, 0.6],
  [0.35, 0.75],
  [0.46, 0.43],
  [0.56, 0.58],
  [0.66, 0.27],
  [0.77, 0.41],
];
const LINE = { from: [0.16, 0.78], to: [0.84, 0.24], halfWidth: 0.032 };
const DOT_RADIUS = 0.055;

/**
 * Each icon: file name, size in pixels, whether the background is a rounded
 * square (transparent corners) or fills the square, and the scale of the
 * drawing around the centre. Maskable icons keep the drawing inside the
 * central 80% "safe zone" because launchers crop them to circles or squircles.
 */
const ICONS = [
  { file: "icon-192.png", size: 192, rounded: true, scale: 1 },
  { file: "icon-512.png", size: 512, rounded: true, scale: 1 },
  { file: "icon-maskable-512.png", size: 512, rounded: false, scale: 0.78 },
  { file: "apple-touch-icon-180.png", size: 180, rounded: false, scale: 0.9 },
  { file: "favicon-32.png", size: 32, rounded: true, scale: 1.08 },
];

/** Signed distance from (x, y) to a rounded square covering the unit square with corner radius r. */
function roundedSquare(x, y, r) {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance from (x, y) to the segment a-b thickened by halfWidth (a capsule). */
function capsule(x, y, [ax, ay], [bx, by], halfWidth) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - halfWidth;
}

/** The colour and opacity of one sample point, painting background, dots, then the line. */
function sample(x, y, icon) {
  const inside = icon.rounded ? roundedSquare(x, y, 0.22) <= 0 : true;
  if (!inside) return [0, 0, 0, 0];
  // Undo the drawing's scale around the centre to find design coordinates.
  const u = 0.5 + (x - 0.5) / icon.scale;
  const v = 0.5 + (y - 0.5) / icon.scale;
  if (capsule(u, v, LINE.from, LINE.to, LINE.halfWidth) <= 0) return [...AMBER, 255];
  if (DOTS.some(([cx, cy]) => Math.hypot(u - cx, v - cy) <= DOT_RADIUS)) return [...WHITE, 255];
  return [...BLUE, 255];
}

/** Renders one icon to PNG bytes, averaging 4x4 samples per pixel (premultiplied, so edges do not darken). */
function render(icon) {
  const png = new PNG({ width: icon.size, height: icon.size });
  const grid = 4;
  for (let py = 0; py < icon.size; py++) {
    for (let px = 0; px < icon.size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const [r, g, b, a] = sample((px + (sx + 0.5) / grid) / icon.size, (py + (sy + 0.5) / grid) / icon.size, icon);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const i = (py * icon.size + px) * 4;
      const alpha = sum[3] / (grid * grid);
      for (let c = 0; c < 3; c++) png.data[i + c] = sum[3] === 0 ? 0 : Math.round(sum[c] / sum[3]);
      png.data[i + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const icon of ICONS) {
  writeFileSync(join(OUT_DIR, icon.file), render(icon));
  console.log(`wrote public/icons/${icon.file} (${icon.size}x${icon.size})`);
}
