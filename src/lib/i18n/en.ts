import { assistantEn } from '../assistant/messages';
import { privacyEn } from '../privacy/messages';
import { promotionsEn } from '../promotions/messages';
import { tryOnEn } from '../tryon/messages';

/** English UI text. The Chinese file must have exactly the same shape (checked by the compiler). */
export const en = {
  appName: 'Private Aisle',
  tagline: 'On-device AI shopping. Nothing leaves your device.',
  skipToContent: 'Skip to content',
  nav: {
    label: 'Main',
    shop: 'Shop',
    forYou: 'For you',
    tryOn: 'Try on',
    help: 'Help',
    myData: 'My data',
  },
  language: { label: 'Language', en: 'English', zh: '中文' },
  profile: { label: 'Profile', guest: 'Guest', me: 'Me' },
  dismiss: 'Dismiss',
  // Each capability keeps its own text next to its code.
  tryOn: tryOnEn,
  assistant: assistantEn,
  promotions: promotionsEn,
  privacy: privacyEn,
  loading: 'Loading…',
  shop: {
    title: 'Shop',
    categories: 'Categories',
    all: 'All',
    search: 'Search products',
    searchPlaceholder: 'Glasses, 红色, summer…',
    filters: 'Filters',
    minPrice: 'Min price',
    maxPrice: 'Max price',
    colour: 'Colour',
    anyColour: 'Any colour',
    clear: 'Clear filters',
    results: (n: number) => (n === 1 ? '1 product' : `${n} products`),
    noResults: 'No products match. Try another word or clear the filters.',
  },
  product: {
    back: 'Back to the shop',
    notFound: 'This product does not exist.',
    brand: 'Brand',
    colours: 'Colours',
    tags: 'Tags',
    addToCart: 'Add to cart',
    added: 'Added to your cart.',
    tryOn: 'Try on',
    yourRating: 'Your rating',
    rate: (n: number) => `${n} star${n === 1 ? '' : 's'}`,
    rated: (n: number) => `You rated this ${n} out of 5.`,
    notRated: 'Not rated yet.',
    clearRating: 'Clear rating',
    storedLocally: 'Ratings are stored on this device only.',
  },
  forYou: {
    intro: 'Learned on this device from your ratings and activity. Nothing is sent anywhere.',
    onboardingTitle: 'Pick a few favourites',
    onboardingHint: 'Tap what you like: your recommendations change at once.',
    like: (name: string) => `Like ${name}`,
    recommendedIn: (category: string) => `Recommended for you: ${category}`,
    allCategories: 'Show every category',
    recommended: 'Recommended for you',
    because: (name: string) => `Because you liked ${name}`,
    popularIn: (group: string) => `Popular in ${group}`,
    model: 'Your model',
    engine: 'Engine',
    epoch: (epoch: number, epochs: number) => `Epoch ${epoch} of ${epochs}`,
    trainedIn: (seconds: string) => `Trained in ${seconds} s`,
    loss: 'Training loss per epoch',
    retrain: 'Retrain now',
    cancel: 'Cancel',
    cancelled: 'Training cancelled. The previous model is still in use.',
    failed: 'Training failed. Your data is safe; try again.',
    firstTraining: 'Learning your taste for the first time…',
    engineSetting: 'Training engine',
    engineAuto: 'Automatic (fastest on this device)',
    engineHint:
      'JS is a plain JavaScript trainer; WebGPU, WebGL, WASM and CPU are TensorFlow.js backends. Each must pass a numeric self-check before it is used.',
    calibrated: (list: string) => `Measured on this device (estimated training time): ${list}`,
    notUsable: 'not usable',
    fellBack: (asked: string, used: string) =>
      `${asked} did not pass its self-check here, so ${used} trained the model.`,
    catalog: 'Catalog',
    shopCatalog: 'This shop',
    movieCatalog: 'MovieLens demo',
    demo: {
      intro:
        'Real ratings you imported from MovieLens. Watch the same model learn them on this device, then see what it recommends to any of their users.',
      train: 'Train on MovieLens',
      validation: 'Validation RMSE per epoch (lower is better)',
      rmse: (value: string) => `Validation RMSE ${value}`,
      user: 'MovieLens user',
      favourites: 'Their favourites',
      recommended: 'Recommended to them',
      because: (title: string) => `Because they liked ${title}`,
      popularIn: (genre: string) => `Popular in ${genre}`,
      notTrained: 'Not trained on this data set yet.',
    },
    needsStorage: 'Recommendations need on-device storage, which this browser does not allow here.',
  },
  myData: {
    title: 'My data',
    intro:
      'Everything Private Aisle knows about you is stored in this browser and nowhere else. See it, take it with you, or erase it.',
    storage: 'Storage',
    usage: (used: string, quota: string) => `${used} used of ${quota} available`,
    usageUnknown: 'This browser does not report storage use.',
    persisted: 'Storage is persistent: the browser will not clear it under pressure.',
    notPersisted: 'Storage is best-effort: the browser may clear it when space runs low.',
    tables: 'What is stored',
    table: 'Table',
    count: 'Items',
    size: 'Size',
    tableNames: {
      profiles: 'Profiles',
      ratings: 'Ratings',
      events: 'Activity',
      orders: 'Orders',
      settings: 'Settings',
      modelSnapshots: 'Model snapshots',
      datasets: 'Imported ratings',
      gallery: 'Try-on snapshots',
      conversations: 'Conversation with the assistant',
      promotionEvents: 'Offers shown and used',
      knowledgeBases: 'Imported FAQs (not personal)',
      products: 'Catalog (not personal)',
    } as Record<string, string>,
    backup: 'Your data file',
    export: 'Export my data',
    exported: 'Your data was saved to a file.',
    import: 'Import data',
    importHint:
      'A file exported from Private Aisle (JSON, at most 50 MB). It replaces what is stored.',
    imported: 'Import complete. Your data was replaced by the file’s.',
    erase: 'Erase all my data',
    eraseConfirmTitle: 'Erase all your data?',
    eraseConfirmBody:
      'Profiles, ratings, activity, orders, settings and models on this device will be deleted. This cannot be undone.',
    eraseConfirm: 'Erase everything',
    cancel: 'Cancel',
    erased: 'All your data was erased.',
    ratingsImport: {
      title: 'Import ratings',
      hint: 'A CSV of user,item,rating[,timestamp] for this shop’s products, or the files of a MovieLens folder (u.data and u.item, or ratings.csv and movies.csv) as a demo catalog. Read and kept on this device only.',
      button: 'Import ratings',
      reading: (file: number, files: number) => `Reading file ${file} of ${files}…`,
      parsing: 'Checking the ratings…',
      saving: 'Saving on this device…',
      done: (ratings: string, users: string, items: string) =>
        `Imported ${ratings} ratings from ${users} people on ${items} items.`,
      skipped: (rows: string, where: string) =>
        `${rows} rows could not be used and were skipped (the first: ${where}).`,
      stored: 'Imported data sets',
      remove: (name: string) => `Remove ${name}`,
      errors: {
        'no-files': 'No file was chosen.',
        'too-large': 'These files are larger than 200 MB together. Nothing was changed.',
        'not-ratings': 'This is not a ratings file. Nothing was changed.',
        'no-known-products':
          'None of these ratings is for a product in this shop. Nothing was changed.',
      } as Record<string, string>,
    },
    profiles: 'Profiles',
    profilesHint: 'Each person on this device gets separate ratings and recommendations.',
    newProfile: 'New profile name',
    addProfile: 'Add profile',
    removeProfile: (name: string) => `Remove ${name}`,
    guestNote: 'guest, for kiosks',
  },
  errors: {
    quota:
      'Storage is full. Nothing was changed. Free some space (for example erase old data) and try again.',
    unavailable:
      'This browser does not allow storage here (private mode?). You can browse, but nothing will be saved.',
    invalid: 'That value is not allowed. Nothing was changed.',
    unknown: 'Something went wrong while saving. Nothing was changed.',
    locked: 'This profile is locked. Unlock it in My data with its passphrase.',
    tampered:
      'Some encrypted data failed its integrity check (changed or damaged). It was not read, and nothing was changed.',
    import: {
      'not-json':
        'This file is not valid JSON (it may be truncated or corrupt). Nothing was changed.',
      'wrong-format': 'This is not a Private Aisle export file. Nothing was changed.',
      'wrong-version':
        'This file comes from a newer version of Private Aisle. Nothing was changed.',
      invalid: 'This file has invalid data. Nothing was changed.',
      'too-large': 'This file is larger than 50 MB. Nothing was changed.',
    } as Record<string, string>,
    at: (path: string) => `Problem at ${path}.`,
  },
  update: {
    available: 'A new version is available.',
    reload: 'Reload',
    later: 'Later',
    offlineReady: 'Ready to work offline.',
  },
  offline: 'You are offline. Everything still works.',
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
