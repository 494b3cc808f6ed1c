/**
 * Product pictures drawn from the product's own attributes, as self-contained SVG. The app's CSP
 * forbids inline styles, so everything is painted with presentation attributes (fill, stroke…),
 * and nothing refers to anything outside the document.
 */
import { COLOURS } from './colours';
import type { EarringParams, EyewearParams, HatParams, LipstickParams, Product } from './types';

// ---------------------------------------------------------------------------------------------
// Colour and text helpers

/** Only plain #rrggbb reaches the markup, whatever the data says. */
function safeHex(value: string | undefined, fallback = '#9a9a9a'): string {
  return value && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : fallback;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (c: number[]) =>
  '#' +
  c
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');

/** Mixes towards white (amount > 0) or black (amount < 0). */
function shade(hex: string, amount: number): string {
  const target = amount > 0 ? 255 : 0;
  const t = Math.abs(amount);
  return toHex(rgb(hex).map((v) => v + (target - v) * t));
}

function mix(a: string, b: string, t: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  return toHex(ca.map((v, i) => v + ((cb[i] ?? 0) - v) * t));
}

/** Relative luminance, 0 (black) .. 1 (white); light products need a darker background. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = rgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Rounds coordinates so the markup stays short. */
const n = (x: number) => String(Math.round(x * 10) / 10);

const colourHex = (key: string | undefined) => safeHex(key ? COLOURS[key]?.hex : undefined);

// ---------------------------------------------------------------------------------------------
// Eyewear

type Shape = EyewearParams['frameShape'];

/** The left lens at (cx, cy) with half-width w; the right lens is its mirror image. */
function lensShape(shape: Shape, cx: number, cy: number, w: number, paint: string): string {
  switch (shape) {
    case 'round':
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(w)}" ${paint}/>`;
    case 'oval':
      return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(w)}" ry="${n(w * 0.72)}" ${paint}/>`;
    case 'rectangle':
      return `<rect x="${n(cx - w)}" y="${n(cy - w * 0.6)}" width="${n(2 * w)}" height="${n(1.2 * w)}" rx="6" ${paint}/>`;
    case 'square':
      return `<rect x="${n(cx - w * 0.9)}" y="${n(cy - w * 0.85)}" width="${n(1.8 * w)}" height="${n(1.7 * w)}" rx="9" ${paint}/>`;
    case 'cat-eye':
      // Straight-ish brow, a flick up at the outer corner, a rounded bottom.
      return `<path d="M${n(cx + 0.92 * w)} ${n(cy - 0.35 * w)}C${n(cx + 0.3 * w)} ${n(cy - 0.55 * w)} ${n(cx - 0.6 * w)} ${n(cy - 0.55 * w)} ${n(cx - 1.08 * w)} ${n(cy - 0.8 * w)}C${n(cx - 1.0 * w)} ${n(cy - 0.1 * w)} ${n(cx - 0.75 * w)} ${n(cy + 0.65 * w)} ${n(cx - 0.05 * w)} ${n(cy + 0.65 * w)}C${n(cx + 0.6 * w)} ${n(cy + 0.65 * w)} ${n(cx + 0.95 * w)} ${n(cy + 0.25 * w)} ${n(cx + 0.92 * w)} ${n(cy - 0.35 * w)}Z" ${paint}/>`;
    case 'aviator':
      return `<path d="M${n(cx - w)} ${n(cy - 0.55 * w)}L${n(cx + 0.95 * w)} ${n(cy - 0.55 * w)}Q${n(cx + 1.05 * w)} ${n(cy + 0.2 * w)} ${n(cx + 0.45 * w)} ${n(cy + 0.75 * w)}Q${n(cx - 0.3 * w)} ${n(cy + 1.1 * w)} ${n(cx - 0.95 * w)} ${n(cy + 0.3 * w)}Q${n(cx - 1.15 * w)} ${n(cy - 0.2 * w)} ${n(cx - w)} ${n(cy - 0.55 * w)}Z" ${paint}/>`;
  }
}

/** How far the lens reaches towards the nose (inner) and the temple (outer), as multiples of w. */
const LENS_REACH: Record<Shape, { inner: number; outer: number }> = {
  round: { inner: 1, outer: 1 },
  oval: { inner: 1, outer: 1 },
  rectangle: { inner: 1, outer: 1 },
  square: { inner: 0.9, outer: 0.9 },
  'cat-eye': { inner: 0.92, outer: 1.02 },
  aviator: { inner: 0.95, outer: 1.02 },
};

function eyewear(p: Product, t: EyewearParams): string {
  const frame = safeHex(t.frameColour);
  const tint = safeHex(t.lensTint, '#e6f0f5');
  const wire = p.tags.includes('metal') || p.tags.includes('titanium');
  const cx = 60;
  const cy = 98;
  const w = 26 + (Math.min(60, Math.max(44, t.lensWidthMm)) - 44) * 0.35;
  // Clear lenses still get a hint of glass so the picture does not look empty.
  const lensOpacity = t.lensOpacity < 0.2 ? 0.3 + t.lensOpacity : t.lensOpacity;
  const strokeWidth = wire ? 3.5 : 7;
  const reach = LENS_REACH[t.frameShape];
  const inner = cx + reach.inner * w;
  const outer = cx - reach.outer * w;

  const half = [
    // temple arm
    `<path d="M${n(outer)} ${n(cy - 0.35 * w)}L${n(outer - 16)} ${n(cy - 0.5 * w)}" stroke="${frame}" stroke-width="${strokeWidth}" stroke-linecap="round" fill="none"/>`,
    lensShape(t.frameShape, cx, cy, w, `fill="${tint}" fill-opacity="${n(lensOpacity)}"`),
    lensShape(
      t.frameShape,
      cx,
      cy,
      w,
      `fill="none" stroke="${frame}" stroke-width="${strokeWidth}" stroke-linejoin="round"`,
    ),
  ];
  if (p.colours[0] === 'tortoise') {
    // Tortoiseshell mottling: a broken amber stroke over the brown frame.
    half.push(
      lensShape(
        t.frameShape,
        cx,
        cy,
        w,
        `fill="none" stroke="#c98b3e" stroke-width="3" stroke-dasharray="2 9" stroke-opacity="0.85"`,
      ),
    );
  }
  half.push(
    `<path d="M${n(cx - 0.55 * w)} ${n(cy - 0.05 * w)}Q${n(cx - 0.45 * w)} ${n(cy - 0.38 * w)} ${n(cx - 0.15 * w)} ${n(cy - 0.44 * w)}" stroke="#ffffff" stroke-opacity="0.6" stroke-width="3" stroke-linecap="round" fill="none"/>`,
  );

  const bridge = [
    `<path d="M${n(inner)} ${n(cy - 0.3 * w)}Q100 ${n(cy - 0.6 * w)} ${n(200 - inner)} ${n(cy - 0.3 * w)}" stroke="${frame}" stroke-width="${strokeWidth}" fill="none" stroke-linecap="round"/>`,
  ];
  if (t.frameShape === 'aviator') {
    // The aviator's double bridge.
    bridge.push(
      `<path d="M${n(inner - 4)} ${n(cy - 0.55 * w)}L${n(204 - inner)} ${n(cy - 0.55 * w)}" stroke="${frame}" stroke-width="${strokeWidth}" stroke-linecap="round"/>`,
    );
  }

  return [
    `<ellipse cx="100" cy="${n(cy + w + 30)}" rx="70" ry="6" fill="#000000" fill-opacity="0.06"/>`,
    `<g>${half.join('')}</g>`,
    `<g transform="matrix(-1 0 0 1 200 0)">${half.join('')}</g>`,
    ...bridge,
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Hats

function hat(p: Product, t: HatParams): string {
  const crown = safeHex(t.crownColour);
  const brim = safeHex(t.brimColour);
  const outline = shade(crown, -0.3);
  const band = p.colours[1] ? colourHex(p.colours[1]) : shade(crown, -0.35);
  const ch = 40 + t.crownHeight * 80; // crown height in px
  const paint = (fill: string) =>
    `fill="${fill}" stroke="${shade(fill, -0.3)}" stroke-width="2" stroke-linejoin="round"`;
  const shadow = `<ellipse cx="100" cy="168" rx="70" ry="7" fill="#000000" fill-opacity="0.07"/>`;

  switch (t.style) {
    case 'cap': {
      const base = 132;
      const peak = 24 + t.brimWidth * 40;
      return [
        shadow,
        `<path d="M56 ${base}L148 ${base}Q${n(148 + peak)} ${base + 2} ${n(148 + peak)} ${base + 10}Q118 ${base + 16} 56 ${base + 7}Z" ${paint(brim)}/>`,
        `<path d="M52 ${base}C52 ${n(base - ch * 1.3)} 148 ${n(base - ch * 1.3)} 148 ${base}Z" ${paint(crown)}/>`,
        `<path d="M100 ${n(base - ch * 0.97)}Q84 ${n(base - ch * 0.6)} 82 ${base}M100 ${n(base - ch * 0.97)}Q116 ${n(base - ch * 0.6)} 118 ${base}" stroke="${outline}" stroke-width="1.5" stroke-opacity="0.6" fill="none"/>`,
        `<circle cx="100" cy="${n(base - ch * 0.97)}" r="4" fill="${shade(crown, -0.2)}"/>`,
      ].join('');
    }
    case 'fedora': {
      const base = 134;
      const rx = Math.min(92, 40 + t.brimWidth * 50);
      const fch = ch * 0.75; // a fedora's crown is lower than it sounds, or it reads as a top hat
      const top = base - fch;
      const sideX = (y: number, left: boolean) => {
        const inset = ((base - y) / fch) * 10;
        return left ? 62 + inset : 138 - inset;
      };
      return [
        shadow,
        `<ellipse cx="100" cy="${base}" rx="${n(rx)}" ry="14" ${paint(shade(brim, -0.05))}/>`,
        `<path d="M62 ${base}L72 ${n(top)}Q86 ${n(top - 10)} 100 ${n(top + 9)}Q114 ${n(top - 10)} 128 ${n(top)}L138 ${base}Z" ${paint(crown)}/>`,
        `<path d="M${n(sideX(base - 4, true))} ${base - 4}L${n(sideX(base - 16, true))} ${base - 16}L${n(sideX(base - 16, false))} ${base - 16}L${n(sideX(base - 4, false))} ${base - 4}Z" fill="${band}"/>`,
        `<path d="M100 ${n(top + 12)}L100 ${n(top + fch * 0.45)}" stroke="${outline}" stroke-width="1.5" stroke-opacity="0.5"/>`,
      ].join('');
    }
    case 'beanie': {
      const base = 140;
      const top = base - ch;
      const ribs = Array.from({ length: 12 }, (_, i) => 52 + i * 8.7)
        .map((x) => `M${n(x)} ${base - 22}L${n(x)} ${base}`)
        .join('');
      const parts = [
        shadow,
        `<path d="M52 ${base}L52 ${n(base - ch * 0.5)}Q52 ${n(top)} 100 ${n(top)}Q148 ${n(top)} 148 ${n(base - ch * 0.5)}L148 ${base}Z" ${paint(crown)}/>`,
        `<rect x="48" y="${base - 24}" width="104" height="26" rx="7" ${paint(shade(crown, -0.1))}/>`,
        `<path d="${ribs}" stroke="${outline}" stroke-width="1.5" stroke-opacity="0.35"/>`,
      ];
      // Taller beanies get a pom-pom.
      if (t.crownHeight >= 0.55) {
        parts.push(`<circle cx="100" cy="${n(top - 8)}" r="13" ${paint(shade(crown, 0.15))}/>`);
      }
      return parts.join('');
    }
    case 'bucket': {
      const base = 122;
      const hb = 40 + t.brimWidth * 45;
      return [
        shadow,
        `<path d="M62 ${base}L138 ${base}L${n(100 + hb)} ${base + 26}Q100 ${base + 34} ${n(100 - hb)} ${base + 26}Z" ${paint(brim)}/>`,
        `<path d="M${n(100 - hb + 8)} ${base + 20}Q100 ${base + 28} ${n(100 + hb - 8)} ${base + 20}" stroke="${outline}" stroke-width="1.5" stroke-dasharray="4 4" stroke-opacity="0.6" fill="none"/>`,
        `<path d="M62 ${base + 2}L70 ${n(base - ch)}Q100 ${n(base - ch - 6)} 130 ${n(base - ch)}L138 ${base + 2}Z" ${paint(crown)}/>`,
      ].join('');
    }
    case 'sun-hat': {
      const base = 132;
      const rx = Math.min(94, 40 + t.brimWidth * 50);
      return [
        shadow,
        `<ellipse cx="100" cy="${base}" rx="${n(rx)}" ry="22" ${paint(brim)}/>`,
        `<ellipse cx="100" cy="${base}" rx="${n(rx - 12)}" ry="16" fill="none" stroke="${outline}" stroke-width="1.5" stroke-opacity="0.25"/>`,
        `<ellipse cx="100" cy="${base}" rx="${n(rx - 24)}" ry="11" fill="none" stroke="${outline}" stroke-width="1.5" stroke-opacity="0.25"/>`,
        `<path d="M64 ${base}C64 ${n(base - ch * 1.35)} 136 ${n(base - ch * 1.35)} 136 ${base}Z" ${paint(crown)}/>`,
        `<path d="M65 ${base - 4}Q100 ${base - 10} 135 ${base - 4}L134 ${base - 14}Q100 ${base - 20} 66 ${base - 14}Z" fill="${band}"/>`,
      ].join('');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Earrings

function earringOne(t: EarringParams, x: number): string {
  const metal = safeHex(t.metalColour);
  const dark = shade(metal, -0.3);
  const stone = t.stoneColour ? safeHex(t.stoneColour) : undefined;
  const shine = (cx: number, cy: number, r: number) =>
    `<circle cx="${n(cx - r * 0.35)}" cy="${n(cy - r * 0.35)}" r="${n(Math.max(1.5, r * 0.25))}" fill="#ffffff" fill-opacity="0.7"/>`;

  switch (t.style) {
    case 'stud': {
      const r = 6 + t.sizeMm * 2.2;
      const cy = 100;
      const parts = [
        `<circle cx="${x}" cy="${cy}" r="${n(r)}" fill="${metal}" stroke="${dark}" stroke-width="1.5"/>`,
      ];
      if (stone) {
        parts.push(`<circle cx="${x}" cy="${cy}" r="${n(r * 0.72)}" fill="${stone}"/>`);
      } else {
        parts.push(
          `<circle cx="${x}" cy="${cy}" r="${n(r * 0.7)}" fill="none" stroke="${shade(metal, 0.3)}" stroke-width="1.5"/>`,
        );
      }
      parts.push(shine(x, cy, r * 0.72));
      return parts.join('');
    }
    case 'hoop': {
      const r = 10 + t.sizeMm * 0.9;
      const cy = 52 + r;
      const parts = [
        `<circle cx="${x}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${metal}" stroke-width="6"/>`,
        `<path d="M${n(x - r * 0.7)} ${n(cy - r * 0.7)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r * 0.2)} ${n(cy - r * 0.98)}" fill="none" stroke="${shade(metal, 0.45)}" stroke-width="2" stroke-linecap="round"/>`,
      ];
      if (stone) {
        parts.push(
          `<circle cx="${x}" cy="${n(cy + r)}" r="7" fill="${stone}" stroke="${dark}" stroke-width="1.5"/>`,
          shine(x, cy + r, 7),
        );
      }
      return parts.join('');
    }
    case 'drop': {
      const top = 48;
      const h = 30 + t.sizeMm * 2;
      const rw = h * 0.22;
      const t0 = top + 16;
      const fill = stone ?? metal;
      return [
        `<circle cx="${x}" cy="${top}" r="6" fill="${metal}" stroke="${dark}" stroke-width="1.5"/>`,
        `<path d="M${x} ${top + 6}L${x} ${t0}" stroke="${metal}" stroke-width="2.5"/>`,
        `<path d="M${x} ${t0}C${n(x + rw * 0.2)} ${n(t0 + h * 0.35)} ${n(x + rw)} ${n(t0 + h * 0.45)} ${n(x + rw)} ${n(t0 + h * 0.7)}A${n(rw)} ${n(h * 0.3)} 0 0 1 ${n(x - rw)} ${n(t0 + h * 0.7)}C${n(x - rw)} ${n(t0 + h * 0.45)} ${n(x - rw * 0.2)} ${n(t0 + h * 0.35)} ${x} ${t0}Z" fill="${fill}" stroke="${metal}" stroke-width="3" stroke-linejoin="round"/>`,
        `<ellipse cx="${n(x - rw * 0.4)}" cy="${n(t0 + h * 0.62)}" rx="${n(rw * 0.2)}" ry="${n(h * 0.1)}" fill="#ffffff" fill-opacity="0.5"/>`,
      ].join('');
    }
  }
}

function earrings(t: EarringParams): string {
  return [
    `<ellipse cx="100" cy="172" rx="70" ry="6" fill="#000000" fill-opacity="0.06"/>`,
    earringOne(t, 54),
    earringOne(t, 146),
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Lipstick

const CASES = ['#1f1f1f', '#c9a24a', '#efe9e0', '#7a1f33', '#2f2f3a'];

/** Each brand keeps one case colour, so a brand's lipsticks look like a range. */
function caseColour(brand: string): string {
  let h = 0;
  for (const ch of brand) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return CASES[h % CASES.length] ?? '#1f1f1f';
}

function lipstick(p: Product, t: LipstickParams): string {
  const lip = safeHex(t.colour);
  const body = caseColour(p.brand);
  const trim = body === '#c9a24a' ? '#d9dbe0' : '#c9a24a';
  const highlight = t.finish === 'gloss' ? 0.6 : t.finish === 'satin' ? 0.28 : 0;
  const parts = [
    `<ellipse cx="110" cy="172" rx="66" ry="6" fill="#000000" fill-opacity="0.07"/>`,
    // a swatch, as if drawn on the back of a hand
    `<path d="M122 150C134 118 150 96 170 74" stroke="${lip}" stroke-width="16" stroke-linecap="round" fill="none" stroke-opacity="${n(Math.max(0.6, t.opacity))}"/>`,
    `<rect x="62" y="112" width="46" height="58" rx="5" fill="${body}" stroke="${shade(body, -0.25)}" stroke-width="1.5"/>`,
    `<rect x="60" y="104" width="50" height="11" rx="2" fill="${trim}"/>`,
    `<rect x="68" y="78" width="34" height="28" rx="2" fill="#d8d2c4" stroke="#b9b2a3" stroke-width="1"/>`,
    `<path d="M71 82L71 52Q71 46 77 43L93 36Q99 34 99 40L99 82Z" fill="${lip}" stroke="${shade(lip, -0.25)}" stroke-width="1.5" stroke-linejoin="round"/>`,
  ];
  if (highlight > 0) {
    parts.push(
      `<path d="M77 78L77 52" stroke="#ffffff" stroke-opacity="${highlight}" stroke-width="4" stroke-linecap="round"/>`,
      `<path d="M128 138C137 116 149 100 163 84" stroke="#ffffff" stroke-opacity="${n(highlight * 0.6)}" stroke-width="3" stroke-linecap="round" fill="none"/>`,
    );
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// General goods: one small icon per item kind (the kind is a tag)

type Icon = (m: string, a: string, p: Product) => string;

const body = (m: string) =>
  `fill="${m}" stroke="${shade(m, -0.3)}" stroke-width="2.5" stroke-linejoin="round"`;
const line = (c: string, w = 2.5) =>
  `fill="none" stroke="${c}" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"`;

const SWEATER =
  'M70 45L52 52L36 80L28 150L46 152L58 94L60 160L140 160L142 94L154 152L172 150L164 80L148 52L130 45Q100 62 70 45Z';

const ICONS: Record<string, Icon> = {
  't-shirt': (m, a) =>
    `<path d="M70 45L55 50L30 72L45 92L60 82L60 160L140 160L140 82L155 92L170 72L145 50L130 45Q100 65 70 45Z" ${body(m)}/>` +
    `<path d="M72 46Q100 64 128 46" ${line(a, 4)}/>`,
  sweater: (m) =>
    `<path d="${SWEATER}" ${body(m)}/>` +
    `<path d="M62 150L138 150M31 140L45 142M169 140L155 142M74 48Q100 62 126 48" ${line(shade(m, -0.2), 3)}/>`,
  hoodie: (m, a) =>
    `<path d="M72 47Q68 20 100 18Q132 20 128 47Q100 62 72 47Z" ${body(shade(m, -0.1))}/>` +
    `<path d="${SWEATER}" ${body(m)}/>` +
    `<path d="M76 124L124 124L132 150L68 150Z" ${body(shade(m, -0.06))}/>` +
    `<path d="M92 58L90 84M108 58L110 84" ${line(a, 2.5)}/>`,
  dress: (m, a) =>
    `<path d="M80 35L75 70Q72 78 78 84L50 165Q100 176 150 165L122 84Q128 78 125 70L120 35Q100 50 80 35Z" ${body(m)}/>` +
    `<path d="M78 84Q100 90 122 84" ${line(a, 4)}/>`,
  jacket: (m, a) =>
    `<path d="${SWEATER}" ${body(m)}/>` +
    `<path d="M70 45L88 76L100 60L112 76L130 45M100 60L100 160M72 118L88 118M112 118L128 118" ${line(shade(m, -0.3), 2.5)}/>` +
    `<circle cx="100" cy="100" r="3" fill="${a}"/>`,
  sneakers: (m, a, p) => {
    const sole = p.colours[1] ? a : m === colourHex('white') ? '#d9d6cf' : colourHex('white');
    return (
      `<path d="M30 140Q28 110 45 100L80 90Q95 88 100 100L120 112Q160 118 172 132L175 140Z" ${body(m)}/>` +
      `<path d="M25 140L175 140Q181 150 172 157L30 157Q21 150 25 140Z" ${body(sole)}/>` +
      `<path d="M84 100L94 108M92 96L102 104M100 104L108 110" ${line(shade(m, -0.35), 2.5)}/>`
    );
  },
  boots: (m) =>
    `<path d="M62 40L110 40L112 108Q150 116 166 134L168 150L56 150L56 110Z" ${body(m)}/>` +
    `<path d="M54 150L170 150L170 162L54 162Z" ${body(shade(m, -0.45))}/>` +
    `<path d="M62 52L110 52M108 60L108 104" ${line(shade(m, -0.25), 2)}/>`,
  loafers: (m, a) =>
    `<path d="M30 138Q32 118 55 114L110 112Q150 112 170 130L172 142L30 142Z" ${body(m)}/>` +
    `<path d="M28 142L174 142L174 150L28 150Z" ${body(shade(m, -0.45))}/>` +
    `<path d="M98 118L142 118" ${line(a, 5)}/>`,
  sandals: (m) =>
    `<path d="M25 152Q18 142 35 138L170 136Q184 140 176 152Z" ${body(shade(m, 0.15))}/>` +
    `<path d="M58 140Q76 106 96 140M110 138Q130 104 152 137" ${line(m, 9)}/>` +
    `<path d="M28 146L176 146" ${line(shade(m, -0.35), 3)}/>`,
  tote: (m, a) =>
    `<path d="M72 82Q72 32 100 32Q128 32 128 82" ${line(a, 6)}/>` +
    `<path d="M48 80L152 80L162 165L38 165Z" ${body(m)}/>` +
    `<path d="M60 90L140 90" ${line(shade(m, -0.2), 2)}/>`,
  backpack: (m, a) =>
    `<path d="M85 50Q85 30 100 30Q115 30 115 50" ${line(a, 5)}/>` +
    `<rect x="55" y="48" width="90" height="118" rx="28" ${body(m)}/>` +
    `<rect x="70" y="108" width="60" height="44" rx="10" ${body(shade(m, -0.1))}/>` +
    `<path d="M76 118L124 118M68 70Q100 58 132 70" ${line(shade(m, -0.35), 2)}/>`,
  crossbody: (m, a) =>
    `<path d="M56 95Q100 -8 144 95" ${line(shade(m, -0.2), 4)}/>` +
    `<rect x="50" y="90" width="100" height="70" rx="12" ${body(m)}/>` +
    `<path d="M50 102Q50 90 62 90L138 90Q150 90 150 102L150 124Q100 140 50 124Z" ${body(shade(m, -0.08))}/>` +
    `<circle cx="100" cy="128" r="5" fill="${a}"/>`,
  clutch: (m, a) =>
    `<rect x="35" y="72" width="130" height="74" rx="8" ${body(m)}/>` +
    `<path d="M36 76L100 118L164 76" ${body(shade(m, -0.08))}/>` +
    `<circle cx="100" cy="116" r="5" fill="${a}"/>`,
  headphones: (m) =>
    `<path d="M50 120L50 95Q50 35 100 35Q150 35 150 95L150 120" ${line(m, 10)}/>` +
    `<path d="M50 120L50 95Q50 35 100 35Q150 35 150 95L150 120" ${line(shade(m, -0.3), 1.5)}/>` +
    `<rect x="34" y="98" width="32" height="56" rx="13" ${body(m)}/>` +
    `<rect x="134" y="98" width="32" height="56" rx="13" ${body(m)}/>` +
    `<rect x="58" y="104" width="10" height="44" rx="5" fill="${shade(m, -0.35)}"/>` +
    `<rect x="132" y="104" width="10" height="44" rx="5" fill="${shade(m, -0.35)}"/>`,
  earbuds: (m) =>
    `<rect x="58" y="96" width="84" height="62" rx="26" ${body(m)}/>` +
    `<path d="M60 116L140 116" ${line(shade(m, -0.3), 2)}/>` +
    `<circle cx="100" cy="138" r="3" fill="#5fbf7a"/>` +
    `<circle cx="78" cy="60" r="12" ${body(m)}/><rect x="74" y="64" width="8" height="22" rx="4" ${body(m)}/>` +
    `<circle cx="122" cy="60" r="12" ${body(m)}/><rect x="118" y="64" width="8" height="22" rx="4" ${body(m)}/>`,
  speaker: (m) =>
    `<rect x="62" y="38" width="76" height="128" rx="30" ${body(m)}/>` +
    `<circle cx="100" cy="90" r="28" fill="${shade(m, -0.25)}"/>` +
    `<circle cx="100" cy="90" r="10" fill="${shade(m, -0.45)}"/>` +
    `<circle cx="100" cy="140" r="9" fill="${shade(m, -0.25)}"/>`,
  smartwatch: (m) =>
    `<rect x="80" y="24" width="40" height="152" rx="10" ${body(m)}/>` +
    `<rect x="64" y="60" width="72" height="80" rx="18" fill="#2a2a2e" stroke="${shade(m, -0.2)}" stroke-width="3"/>` +
    `<circle cx="100" cy="100" r="22" ${line('#e2557a', 5)}/>` +
    `<circle cx="100" cy="100" r="14" ${line('#7bd16b', 5)}/>` +
    `<circle cx="100" cy="100" r="6" ${line('#4fb6e8', 4)}/>`,
  'power-bank': (m) =>
    `<rect x="55" y="40" width="90" height="130" rx="16" ${body(m)}/>` +
    `<rect x="88" y="34" width="24" height="8" rx="3" fill="${shade(m, -0.4)}"/>` +
    `<path d="M104 70L88 104L102 104L94 134L116 96L102 96L110 70Z" fill="${shade(m, -0.25)}"/>` +
    `<circle cx="82" cy="154" r="3" fill="#5fbf7a"/><circle cx="94" cy="154" r="3" fill="#5fbf7a"/><circle cx="106" cy="154" r="3" fill="#5fbf7a"/><circle cx="118" cy="154" r="3" fill="${shade(m, -0.2)}"/>`,
  mug: (m) =>
    `<path d="M130 84Q164 82 164 110Q164 138 130 136" ${line(m, 11)}/>` +
    `<path d="M130 84Q164 82 164 110Q164 138 130 136" ${line(shade(m, -0.3), 1.5)}/>` +
    `<rect x="50" y="62" width="82" height="96" rx="10" ${body(m)}/>` +
    `<path d="M78 50Q72 40 80 30M100 50Q94 40 102 30" ${line('#9a9a9a', 2.5)} stroke-opacity="0.4"/>`,
  lamp: (m) =>
    `<ellipse cx="100" cy="104" rx="52" ry="10" fill="#fff3c4" fill-opacity="0.7"/>` +
    `<path d="M100 100L100 160" ${line(shade(m, -0.35), 6)}/>` +
    `<ellipse cx="100" cy="164" rx="40" ry="8" ${body(shade(m, -0.2))}/>` +
    `<path d="M66 40L134 40L154 100L46 100Z" ${body(m)}/>`,
  vase: (m, _a, p) =>
    `<path d="M96 44Q90 26 80 18M104 44Q112 24 126 16M100 44L100 14" ${line(colourHex('green'), 3)}/>` +
    `<circle cx="80" cy="18" r="7" fill="${colourHex('pink')}"/><circle cx="126" cy="16" r="7" fill="${colourHex('coral')}"/><circle cx="100" cy="12" r="7" fill="${colourHex('white')}" stroke="#d0ccc4" stroke-width="1.5"/>` +
    `<path d="M85 40L115 40L112 60Q150 90 140 130Q132 165 100 165Q68 165 60 130Q50 90 88 60Z" ${body(m)}${p.tags.includes('glass') ? ' fill-opacity="0.75"' : ''}/>`,
  cushion: (m, a, p) =>
    `<path d="M40 50Q100 62 160 50Q150 105 160 160Q100 148 40 160Q50 105 40 50Z" ${body(m)}/>` +
    (p.colours[1] ? `<path d="M48 58Q100 68 152 58" ${line(a, 3)}/>` : '') +
    `<circle cx="100" cy="105" r="5" fill="${shade(m, -0.25)}"/>`,
  candle: (m) =>
    `<rect x="60" y="70" width="80" height="92" rx="10" fill="#ffffff" fill-opacity="0.4" stroke="#b8b3aa" stroke-width="2"/>` +
    `<rect x="65" y="92" width="70" height="66" rx="6" ${body(m)}/>` +
    `<rect x="76" y="112" width="48" height="26" rx="3" fill="#fbfaf7" stroke="#d0ccc4" stroke-width="1"/>` +
    `<path d="M100 92L100 82" ${line('#3a3a3a', 2)}/>` +
    `<path d="M100 54Q110 68 100 82Q90 68 100 54Z" fill="#f2b84b"/>` +
    `<path d="M100 64Q105 72 100 80Q95 72 100 64Z" fill="#fff3c4"/>`,
};

/** A plain gift box for anything without its own icon. */
const GIFT: Icon = (m, a) =>
  `<rect x="50" y="80" width="100" height="80" rx="6" ${body(m)}/>` +
  `<rect x="44" y="66" width="112" height="20" rx="4" ${body(shade(m, 0.1))}/>` +
  `<path d="M100 66L100 160" ${line(a, 8)}/>`;

function goods(p: Product): string {
  const m = colourHex(p.colours[0]);
  const a = p.colours[1] ? colourHex(p.colours[1]) : shade(m, -0.25);
  const icon = p.tags.map((t) => ICONS[t]).find((f) => f !== undefined) ?? GIFT;
  return `<ellipse cx="100" cy="172" rx="66" ry="6" fill="#000000" fill-opacity="0.07"/>${icon(m, a, p)}`;
}

// ---------------------------------------------------------------------------------------------

/** The product's main display colour, used to tint the background. */
function mainHex(p: Product): string {
  const t = p.tryOn;
  if (t?.kind === 'lipstick') return safeHex(t.colour);
  return colourHex(p.colours[0]);
}

/** A self-contained SVG document (200 × 200) picturing the product. */
export function productPicture(p: Product): string {
  const main = mainHex(p);
  // A soft wash of the product's colour; very light products sit on a darker neutral instead.
  const bg = luminance(main) > 0.6 ? '#e9e5dd' : mix(main, '#faf8f4', 0.88);
  const t = p.tryOn;
  let art: string;
  if (t?.kind === 'eyewear') art = eyewear(p, t);
  else if (t?.kind === 'hat') art = hat(p, t);
  else if (t?.kind === 'earring') art = earrings(t);
  else if (t?.kind === 'lipstick') art = lipstick(p, t);
  else art = goods(p);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img">` +
    `<title>${escapeXml(p.name.en)}</title>` +
    `<rect width="200" height="200" rx="24" fill="${bg}"/>` +
    art +
    `</svg>`
  );
}

/** The picture as a data: URL, for <img src> (the CSP allows data: images). */
export function pictureDataUrl(p: Product): string {
  let url = dataUrls.get(p);
  if (url === undefined) {
    url = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(productPicture(p));
    dataUrls.set(p, url);
  }
  return url;
}
/** Drawn once per product: lists re-render often (each retrain, each like). */
const dataUrls = new WeakMap<Product, string>();
