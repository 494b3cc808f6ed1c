/**
 * Reads a shop pack, the folder of plain files a shop is made of (the build reads it from disk, a
 * kiosk from a .zip), into the app's products and settings. One pure reader for both, so a pack
 * means the same wherever it is read. A bad pack is never half-read: any problem and the result
 * is every problem found, each with its file, line and column, in words a shop owner can act on.
 *
 * The pack: exactly one of products.csv (a Shopify export), products.tsv or products.xml (a
 * Google Merchant Center feed); optionally shop.json (settings), synonyms.txt, faq.csv or
 * faq.json, offers.json, ratings.csv, item-factors.jsonl (a recommender trained elsewhere), and
 * the pictures and logo the other files name.
 */
import { ITEM_FACTORS_FILE, readItemFactors } from './item-factors';
import { readMerchantTsv, readMerchantXml } from './merchant';
import { DEFAULT_SETTINGS } from './defaults';
import { OFFERS_FILE, readOffers } from './offers';
import { FAQ_FILES, readPackFaq } from './pack-faq';
import type { PackFiles, PackProblem, PackResult, ShopPack } from './pack-types';
import {
  isRecord,
  packPath,
  problemAt,
  sizeProblem,
  type Findings,
  type ProductsRead,
  type ReadContext,
} from './rows';
import { RATINGS_FILE, readRatings } from './ratings';
import { parseShopSettings } from './settings-schema';
import type { ShopContact, ShopSettings } from './settings';
import { readShopifyCsv } from './shopify';
import { parseSynonyms } from './synonyms';

export type { PackFiles, PackPicture, PackProblem, PackResult, ShopPack } from './pack-types';

type Reader = (text: string, ctx: ReadContext) => ProductsRead | undefined;

/** The products file, by name: which format it is in. */
const PRODUCT_READERS: Record<string, Reader> = {
  'products.csv': readShopifyCsv,
  'products.tsv': readMerchantTsv,
  'products.xml': readMerchantXml,
};
const PRODUCT_FILES = Object.keys(PRODUCT_READERS);

/** A file's text, or a problem when it is listed but cannot be read. */
function textOf(files: PackFiles, file: string, findings: Findings): string | undefined {
  const text = files.text(file);
  if (text === undefined) {
    findings.problems.push(problemAt(file, undefined, undefined, `${file} could not be read.`));
  }
  return text;
}

/** JSON.parse's complaint, with the line it points at where it names a position. */
function jsonProblem(file: string, text: string, error: unknown): PackProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
  return problemAt(file, line, undefined, `${file} is not valid JSON: ${message}.`);
}

/** A JSON file of the pack: undefined when absent (or unreadable, a problem). */
function readJson(
  files: PackFiles,
  file: string,
  present: ReadonlySet<string>,
  findings: Findings,
): unknown {
  if (!present.has(file)) return undefined;
  const text = textOf(files, file, findings);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    findings.problems.push(jsonProblem(file, text, error));
    return undefined;
  }
}

/** The products, through the reader of whichever one products file the pack has. */
function readProducts(
  files: PackFiles,
  present: ReadonlySet<string>,
  ctx: Omit<ReadContext, 'file'>,
): ProductsRead | undefined {
  const found = PRODUCT_FILES.filter((file) => present.has(file));
  if (found.length !== 1) {
    ctx.findings.problems.push(
      problemAt(
        found[0] ?? 'products.csv',
        undefined,
        undefined,
        found.length
          ? `The pack has ${found.join(', ')}: keep only one products file.`
          : 'The pack has no products file: add products.csv (a Shopify export), products.tsv or products.xml (a Google Merchant Center feed).',
      ),
    );
    return undefined;
  }
  const file = found[0]!;
  const text = textOf(files, file, ctx.findings);
  if (text === undefined) return undefined;
  const tooBig = sizeProblem(file, text);
  if (tooBig) {
    ctx.findings.problems.push(tooBig);
    return undefined;
  }
  return PRODUCT_READERS[file]!(text, { ...ctx, file });
}

/** The contact details a shop must give, or the demo's are shown as its own. */
const CONTACT_KEYS = ['phone', 'email', 'businessEmail'] as const satisfies (keyof ShopContact)[];

/**
 * A warning when shop.json leaves out contact details: the assistant's answers and the pages
 * would give the demo's phone and email as the shop's (the demo pack's shop.json gives them).
 */
function contactWarning(raw: unknown, settings: ShopSettings): PackProblem | undefined {
  const given = isRecord(raw) && isRecord(raw.contact) ? raw.contact : {};
  const missing = CONTACT_KEYS.filter((key) => given[key] === undefined);
  if (!missing.length) return undefined;
  const keys = missing.map((key) => `contact.${key}`);
  const demo = missing.map((key) => DEFAULT_SETTINGS.contact[key]).join(', ');
  return problemAt(
    'shop.json',
    undefined,
    'contact',
    `shop.json gives no ${keys.join(', ')}: the assistant and the pages show the demo's (${demo}) as ${settings.name.en}'s. Set ${keys.join(', ')} in shop.json.`,
  );
}

/** Problems in the order a shop owner would fix them: file by file, line by line. */
function ordered(problems: readonly PackProblem[]): PackProblem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        files.indexOf(a.problem.file) - files.indexOf(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

export function readPack(files: PackFiles, options: { folderName: string }): PackResult {
  const present = new Set(files.list().map(packPath));
  const findings: Findings = { problems: [], warnings: [] };

  // shop.json: each bad field is a problem (and keeps its default meanwhile).
  const raw = readJson(files, 'shop.json', present, findings);
  const parsed = parseShopSettings(raw, { name: options.folderName });
  for (const { path, why } of parsed.problems) {
    findings.problems.push(problemAt('shop.json', undefined, path || undefined, why));
  }
  const given = (key: string) => isRecord(raw) && raw[key] !== undefined;
  const declaredCurrency = given('currency') ? parsed.settings.currency : undefined;

  const read = readProducts(files, present, {
    locale: parsed.settings.locale,
    ...(declaredCurrency ? { currency: declaredCurrency } : {}),
    ...(parsed.settings.departments ? { departments: parsed.settings.departments } : {}),
    files: present,
    findings,
  });

  // A logo that is not there: the app's own is used.
  const { logo, ...rest } = parsed.settings;
  const logoFound = logo !== undefined && present.has(packPath(logo));
  if (logo !== undefined && !logoFound) {
    findings.warnings.push(
      problemAt(
        'shop.json',
        undefined,
        'logo',
        `The logo "${logo}" is not a file in the pack: the app's own logo is used.`,
      ),
    );
  }
  const settings = {
    ...rest,
    ...(logoFound ? { logo } : {}),
    currency: declaredCurrency ?? read?.currency ?? parsed.settings.currency,
  };

  const synonymsText = present.has('synonyms.txt')
    ? textOf(files, 'synonyms.txt', findings)
    : undefined;
  const synonyms = parseSynonyms(synonymsText ?? '');
  for (const { line, why } of synonyms.problems) {
    findings.problems.push(problemAt('synonyms.txt', line, undefined, why));
  }

  const faqFiles = FAQ_FILES.filter((file) => present.has(file));
  if (faqFiles.length > 1) {
    findings.problems.push(
      problemAt(
        'faq.json',
        undefined,
        undefined,
        'The pack has both faq.csv and faq.json: keep only one.',
      ),
    );
  }
  const faqFile = faqFiles[0];
  const faqText = faqFile ? textOf(files, faqFile, findings) : undefined;
  const faq =
    faqFile && faqText !== undefined ? readPackFaq(faqFile, faqText, findings) : undefined;
  const noContact = contactWarning(raw, settings);
  if (noContact) findings.warnings.push(noContact);
  const offersJson = readJson(files, OFFERS_FILE, present, findings);
  const offers = offersJson === undefined ? undefined : readOffers(offersJson, settings, findings);
  const ratingsCsv = present.has(RATINGS_FILE) ? textOf(files, RATINGS_FILE, findings) : undefined;
  const ratings =
    ratingsCsv === undefined ? undefined : readRatings(ratingsCsv, read?.products ?? [], findings);
  const factorsText = present.has(ITEM_FACTORS_FILE)
    ? textOf(files, ITEM_FACTORS_FILE, findings)
    : undefined;
  const itemFactors =
    factorsText === undefined
      ? undefined
      : readItemFactors(factorsText, read?.products ?? [], findings);

  if (findings.problems.length || !read) {
    return { ok: false, problems: ordered(findings.problems) };
  }
  const pack: ShopPack = {
    settings,
    products: read.products,
    pictures: read.pictures,
    synonyms: synonyms.groups,
    ...(faq ? { faq } : {}),
    ...(offers ? { offers } : {}),
    ...(ratings ? { ratings } : {}),
    ...(itemFactors ? { itemFactors } : {}),
  };
  return { ok: true, pack, warnings: ordered(findings.warnings) };
}
