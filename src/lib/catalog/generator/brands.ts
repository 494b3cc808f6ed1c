/** The invented brands each category draws from. */
export const BRANDS = {
  eyewear: ['Lumen', 'Fernhill', 'Kestrel Lane', 'Northlight', 'Palomar Optics', 'Solvane'],
  hats: ['Northfold', 'Brimwell', 'Capstan & Reed', 'Tallow Hill', 'Mooring'],
  jewellery: ['Aurelle', 'Petit Lune', 'Silverbirch', 'Marisol Atelier', 'Ondine'],
  beauty: ['Velvette', 'Rougeline', 'Petalwise', 'Blushmark', 'Cerise Lab', 'Mira Rouge'],
  fashion: [
    'Linden & Loom',
    'Pacefield',
    'Harbour Thread',
    'Wrenwood',
    'Ashgrove',
    'Tidewell',
    'Cobble & Pine',
  ],
  electronics: ['Ampleaf', 'Hushline', 'Pixelnest', 'Ohmly', 'Sonder Labs', 'Cirrus Nine'],
  home: ['Hearthly', 'Kiln & Grain', 'Nookwell', 'Oakmoss Home', 'Lanternfield', 'Stillroom'],
} as const;
