/**
 * Text to features, for English and Chinese alike (pure; the worker, the eval and the tests share
 * it). A question becomes a bag of hashed features:
 * - English: words (light normalisation: lower case, apostrophes dropped, a plural/verb "s"
 *   folded, then a light stemmer), bigrams of those, and character 2–5-grams inside each word as
 *   written (padded with spaces), which make typos and word forms overlap.
 * - Chinese: Intl.Segmenter words plus character 1–3-grams of each Han run, so a question matches
 *   however the segmenter cut it.
 * NFKC folds full-width to half-width; common traditional characters are folded to simplified.
 */

// Traditional → simplified for common characters (pairs, same index). Enough for FAQ-style
// questions; rare characters pass through unchanged.
const TRAD =
  '們個這說為麼會嗎後來時過還與對開關問題們實際點單號碼貨運費退換錢買賣價錢優惠員會員積分條規則隱私數據資料戶帳號聯繫電話營業門店顏色尺寸碼長寬鏡眼帽鞋裝衣髮試戴訂購發貨郵寄遞送達處理請謝幫願務網頁應該種類質保維修證書區體驗臉攝像頭圖片選擇輸入設計樣東東紅綠藍黃灣館廣場東線雙隻張軟硬體機頭腦記憶讀寫學習麥聲語條標準導航鍵盤螢幕觸屏歲給讓從現義見覺聽聞氣熱溫濕風雲陽陰們傳輸儲存刪除載匯總計劃劃撥餘額銀卡禮品勞動節慶歡迎謝謝麼樣麼辦嗎呢幾週週末晚無線產範圍內錯誤顯顯示狀態絡網絡連結環境準確';
const SIMP =
  '们个这说为么会吗后来时过还与对开关问题们实际点单号码货运费退换钱买卖价钱优惠员会员积分条规则隐私数据资料户帐号联系电话营业门店颜色尺寸码长宽镜眼帽鞋装衣发试戴订购发货邮寄递送达处理请谢帮愿务网页应该种类质保维修证书区体验脸摄像头图片选择输入设计样东东红绿蓝黄湾馆广场东线双只张软硬体机头脑记忆读写学习麦声语条标准导航键盘萤幕触屏岁给让从现义见觉听闻气热温湿风云阳阴们传输储存删除载汇总计划划拨余额银卡礼品劳动节庆欢迎谢谢么样么办吗呢几周周末晚无线产范围内错误显显示状态络网络连结环境准确';

const T2S = new Map<string, string>();
{
  const t = [...TRAD];
  const s = [...SIMP];
  for (let i = 0; i < Math.min(t.length, s.length); i++) if (t[i] !== s[i]) T2S.set(t[i]!, s[i]!);
}

const HAN = /\p{Script=Han}/u;

/** How many recent results each memo below keeps. */
const MEMO_MAX = 50_000;
const normalised = new Map<string, string>();

/** NFKC (full-width → half-width), lower case, traditional → simplified, one space. */
export function normalise(text: string): string {
  const hit = normalised.get(text);
  if (hit !== undefined) return hit;
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) out += T2S.get(ch) ?? ch;
  out = out
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (normalised.size >= MEMO_MAX) normalised.clear();
  normalised.set(text, out);
  return out;
}

type Segmenter = { segment(s: string): Iterable<{ segment: string; isWordLike?: boolean }> };
const segmenters = new Map<string, Segmenter | null>();

function segmenter(locale: string): Segmenter | null {
  if (!segmenters.has(locale)) {
    const Ctor = (Intl as unknown as { Segmenter?: new (l: string, o: object) => Segmenter })
      .Segmenter;
    segmenters.set(locale, Ctor ? new Ctor(locale, { granularity: 'word' }) : null);
  }
  return segmenters.get(locale)!;
}

/** Light English normalisation of one word: apostrophes out, a trailing plural "s" folded. */
export function foldWord(word: string): string {
  let w = word.replace(/'/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us'))
    w = w.slice(0, -1);
  return w;
}

const VOWEL = /[aeiouy]/;

/**
 * A light English stemmer (Porter-like suffix stripping, one suffix at most) for the word and
 * bigram features, so "charged", "charging" and "charges" share one word. Short words keep their
 * form ("using", "need", "fees" ~ "fee"); the character n-grams still see the word as written.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') || w.endsWith('ied')) return w.length > 4 ? w.slice(0, -3) + 'y' : w;
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, min] of [
    ['ing', 3],
    ['ed', 3],
    ['ment', 3],
    ['ness', 3],
    ['ly', 5],
  ] as const) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= min && VOWEL.test(base)) {
      w = base;
      // "topped" → "top", but "called" stays "call" (l, s, z doubled in the root itself).
      if (/([^aeioulsz])\1$/.test(w) || (w.length > 5 && w.endsWith('ll'))) w = w.slice(0, -1);
      break;
    }
  }
  // A final "e" goes, so "charge" meets "charg(ed)": after the suffixes, from longer words.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// The segmenter is the slow part, and a text is cut twice (hashed features, word vectors), so
// recent cuts are kept (bounded; callers never mutate them), like recent normalised texts.
const wordsMemo = new Map<string, readonly string[]>();

/** Words of a normalised text: Intl.Segmenter where there is one (Chinese needs it). */
export function words(norm: string): readonly string[] {
  const hit = wordsMemo.get(norm);
  if (hit) return hit;
  const seg = segmenter(HAN.test(norm) ? 'zh' : 'en');
  const out: string[] = [];
  if (seg) {
    for (const s of seg.segment(norm)) if (s.isWordLike) out.push(s.segment);
  } else {
    for (const m of norm.matchAll(/[\p{L}\p{N}']+/gu)) out.push(m[0]);
  }
  if (wordsMemo.size >= MEMO_MAX) wordsMemo.clear();
  wordsMemo.set(norm, out);
  return out;
}

/**
 * The English words of a text for word vectors (word-vectors.ts): as written, lower case, no
 * stemming (the table knows word forms); "don't" → "do" + "not", "shop's" → "shop".
 */
export function plainWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalise(text))) {
    if (HAN.test(w)) continue;
    const [head, tail] = w.split("'");
    if (tail === 't' && head!.endsWith('n')) out.push(head!.slice(0, -1), 'not');
    else out.push(head!);
  }
  return out;
}

/** The words of a text for word vectors: plainWords, and the Chinese words as segmented. */
export function vectorWords(text: string): string[] {
  const han = words(normalise(text)).filter((w) => HAN.test(w));
  return han.length ? [...plainWords(text), ...han] : plainWords(text);
}

/**
 * The share of a text's words that are not Chinese: how much of the word-vector block's weight
 * is English's (model.ts vectorise).
 */
export function plainShare(text: string): number {
  const ws = words(normalise(text));
  return ws.length ? ws.filter((w) => !HAN.test(w)).length / ws.length : 0;
}

/** Feature strings of a text, with repeats (term counts matter). Prefixes keep kinds apart. */
export function featureStrings(text: string): string[] {
  const norm = normalise(text);
  const ws = words(norm).map((w) => (HAN.test(w) ? w : foldWord(w)));
  // Words and bigrams by stem; character n-grams from the word as written.
  const ss = ws.map((w) => (HAN.test(w) ? w : stem(w)));
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    out.push('w' + ss[i]);
    if (i > 0) out.push('b' + ss[i - 1] + ' ' + ss[i]);
    if (!HAN.test(w)) {
      const padded = ' ' + w + ' ';
      for (let n = 2; n <= 5; n++)
        for (let j = 0; j + n <= padded.length; j++) out.push('c' + padded.slice(j, j + n));
    }
  }
  // Chinese: character 1–3-grams over the whole question, whatever the segmenter did, with its
  // ends marked (a question that starts with 打开 or ends with 吗 says so) and the letters, digits
  // and punctuation between the Han runs kept ("qq浏览器"). On SMP2017's dev split this scored
  // about a point over n-grams of each Han run alone (README, "Chinese").
  if (HAN.test(norm)) {
    const chars = [' ', ...norm.replace(/\s+/g, ''), ' '];
    for (let n = 1; n <= 3; n++)
      for (let j = 0; j + n <= chars.length; j++) {
        const gram = chars.slice(j, j + n).join('');
        if (gram !== ' ') out.push('h' + gram);
      }
  }
  return out;
}

/** FNV-1a, 32 bits, over UTF-16 code units: fast and stable across engines. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const HASH_BITS = 20;

// Training hashes every text three times (vocabulary, BM25, vectors), so recent results are
// kept (bounded; callers never mutate the maps).
const memo = new Map<string, ReadonlyMap<number, number>>();

/** Feature blocks, weighted apart in model.ts vectorise: words, word bigrams, character n-grams. */
export const BLOCKS = 3;

/**
 * The block of a hashed bucket: its top two bits (0 words, 1 bigrams, 2 character n-grams of
 * English words and Han runs alike), so a bucket never mixes kinds.
 */
export function blockOf(bucket: number, bits = HASH_BITS): number {
  return bucket >>> (bits - 2);
}

/** Hashed features with counts: bucket → count. */
export function hashedCounts(text: string, bits = HASH_BITS): ReadonlyMap<number, number> {
  const key = bits + '\u0000' + text;
  const hit = memo.get(key);
  if (hit) return hit;
  const mask = (1 << (bits - 2)) - 1;
  const counts = new Map<number, number>();
  for (const f of featureStrings(text)) {
    const block = f[0] === 'w' ? 0 : f[0] === 'b' ? 1 : 2;
    const b = (hashString(f) & mask) | (block << (bits - 2));
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, counts);
  return counts;
}

/** Whether a text is mostly Chinese (for per-language reports). */
export function isChinese(text: string): boolean {
  return HAN.test(text);
}
