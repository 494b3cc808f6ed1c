/**
 * The real portraits try-on is tested and measured on (../shared/data/faces, see its README):
 * one face each. Missing files are listed so that a test can say so and skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const FACES = '../shared/data/faces';
export const PORTRAITS = [
  'interfaces_001.jpg',
  'interfaces_006.jpg',
  'interfaces_014.jpg',
  'interfaces_016.jpg',
  'astronaut.png',
  'tfjs_portrait.jpg',
];
export const missingPortraits = PORTRAITS.filter((f) => !existsSync(join(FACES, f)));
