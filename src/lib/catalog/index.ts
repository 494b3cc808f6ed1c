export * from './types';
export { COLOURS, TAG_NAMES, colour } from './colours';
export type { NamedColour } from './colours';
export { CATEGORY_NAMES } from './names';
export { generateCatalog, catalogById } from './generate';
export { productPicture, pictureDataUrl } from './picture';
