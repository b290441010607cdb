// wasm/palette.mjs: WCAG contrast of the text on every entity colour, and every pair of colours
// apart for colour-blind readers (Machado et al. 2009 simulations, full severity, CIELAB distance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTITY_TYPES, TEXT } from '../../wasm/palette.mjs';

const linear = (hex) => [1, 3, 5].map((i) => {
  const c = parseInt(hex.slice(i, i + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a, b) => {
  const [x, y] = [luminance(linear(a)), luminance(linear(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

const SIMULATIONS = {
  'normal vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

function lab(rgb) {
  const [r, g, b] = rgb.map((v) => Math.min(1, Math.max(0, v)));
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const seen = (hex, m) => { const c = linear(hex); return lab(m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2])); };

test('the text on every entity colour passes WCAG AA (and AAA): contrast 7:1 or more', () => {
  for (const [type, { color }] of Object.entries(ENTITY_TYPES)) {
    const ratio = contrast(TEXT, color);
    assert.ok(ratio >= 7, `${type} ${color}: ${ratio.toFixed(2)}:1`);
  }
  assert.ok(contrast('#111111', '#ffffff') > 18 && Math.abs(contrast('#777777', '#ffffff') - 4.48) < 0.01, 'the formula');
});

test('every pair of entity colours stays apart for colour-blind readers (PERSON and NORP too)', () => {
  const types = Object.entries(ENTITY_TYPES);
  for (const [name, m] of Object.entries(SIMULATIONS)) {
    for (let i = 0; i < types.length; i++) {
      for (let j = i + 1; j < types.length; j++) {
        const [a, b] = [seen(types[i][1].color, m), seen(types[j][1].color, m)];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        assert.ok(distance >= 20, `${types[i][0]} and ${types[j][0]} under ${name}: ΔE ${distance.toFixed(1)}`);
      }
    }
  }
  // The old PERSON and NORP colours (#aa9cfc, #c887fb) fail this check under deuteranopia.
  const [p, n] = [seen('#aa9cfc', SIMULATIONS.deuteranopia), seen('#c887fb', SIMULATIONS.deuteranopia)];
  assert.ok(Math.hypot(p[0] - n[0], p[1] - n[1], p[2] - n[2]) < 20);
});
