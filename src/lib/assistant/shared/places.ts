/**
 * Places a shopper may name ("Canada", "加拿大", "Shanghai"), each as the region it belongs to (an
 * ISO 3166-1 code), so "do you ship to X" and "do you have a store in X" can be answered yes or
 * no. Country names come from the browser's own CLDR data (Intl.DisplayNames, both languages), the
 * short forms people type and mainland China's provinces and large cities from the lists below.
 * Pure: Node tests and the worker use it as the app does.
 */
import type { Lang } from './knowledge';

export interface Place {
  /** ISO 3166-1 alpha-2 code of the country or region. */
  region: string;
  /** The name found, as the shopper wrote it (lower case for English). */
  name: string;
  /** A city or province ("shanghai", "四川"), not a whole country or region. */
  city: boolean;
}

/** Codes that are not places one ships to (CLDR's groupings and pseudo-regions). */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** What people type besides CLDR's names. */
const ALIASES: Record<string, { en: string[]; zh: string[] }> = {
  CN: { en: ['mainland china', 'mainland', 'prc'], zh: ['中国大陆', '大陆', '内地'] },
  HK: { en: ['hong kong', 'hongkong'], zh: ['香港', '中国香港'] },
  MO: { en: ['macao', 'macau'], zh: ['澳门', '中国澳门'] },
  TW: { en: [], zh: ['臺灣', '中国台湾'] },
  GB: { en: ['uk', 'britain', 'great britain', 'england', 'scotland', 'wales'], zh: ['英格兰'] },
  US: { en: ['usa', 'u.s.', 'america', 'the states'], zh: ['美利坚'] },
  KR: { en: ['korea'], zh: ['南韩'] },
  TR: { en: ['turkey'], zh: [] },
  AE: { en: ['uae', 'dubai'], zh: ['阿联酋', '迪拜'] },
  NL: { en: ['holland'], zh: ['荷兰'] },
  CZ: { en: ['czech republic'], zh: [] },
  RU: { en: [], zh: ['俄国'] },
};

/** Mainland China's provinces and its larger cities: all CN. */
const CHINA: readonly (readonly [string, string])[] = [
  ['beijing', '北京'],
  ['shanghai', '上海'],
  ['tianjin', '天津'],
  ['chongqing', '重庆'],
  ['guangzhou', '广州'],
  ['shenzhen', '深圳'],
  ['hangzhou', '杭州'],
  ['nanjing', '南京'],
  ['chengdu', '成都'],
  ['wuhan', '武汉'],
  ["xi'an", '西安'],
  ['xian', '西安'],
  ['suzhou', '苏州'],
  ['changsha', '长沙'],
  ['zhengzhou', '郑州'],
  ['qingdao', '青岛'],
  ['dalian', '大连'],
  ['xiamen', '厦门'],
  ['kunming', '昆明'],
  ['harbin', '哈尔滨'],
  ['shenyang', '沈阳'],
  ['jinan', '济南'],
  ['hefei', '合肥'],
  ['fuzhou', '福州'],
  ['ningbo', '宁波'],
  ['dongguan', '东莞'],
  ['foshan', '佛山'],
  ['nanning', '南宁'],
  ['guiyang', '贵阳'],
  ['lanzhou', '兰州'],
  ['urumqi', '乌鲁木齐'],
  ['lhasa', '拉萨'],
  ['hohhot', '呼和浩特'],
  ['haikou', '海口'],
  ['sanya', '三亚'],
  ['zhuhai', '珠海'],
  ['wuxi', '无锡'],
  ['nanchang', '南昌'],
  ['taiyuan', '太原'],
  ['shijiazhuang', '石家庄'],
  ['changchun', '长春'],
  ['xining', '西宁'],
  ['yinchuan', '银川'],
  ['guangdong', '广东'],
  ['jiangsu', '江苏'],
  ['zhejiang', '浙江'],
  ['shandong', '山东'],
  ['henan', '河南'],
  ['hebei', '河北'],
  ['hunan', '湖南'],
  ['hubei', '湖北'],
  ['sichuan', '四川'],
  ['fujian', '福建'],
  ['anhui', '安徽'],
  ['jiangxi', '江西'],
  ['liaoning', '辽宁'],
  ['jilin', '吉林'],
  ['heilongjiang', '黑龙江'],
  ['shanxi', '山西'],
  ['shaanxi', '陕西'],
  ['yunnan', '云南'],
  ['guizhou', '贵州'],
  ['guangxi', '广西'],
  ['hainan', '海南'],
  ['gansu', '甘肃'],
  ['qinghai', '青海'],
  ['ningxia', '宁夏'],
  ['xinjiang', '新疆'],
  ['tibet', '西藏'],
  ['inner mongolia', '内蒙古'],
];

const CITIES = new Set(CHINA.flat());

interface Gazetteer {
  /** Name → region, longest names first so "hong kong" wins over "kong" and 香港 over 中国. */
  en: [string, string][];
  zh: [string, string][];
}

let gazetteer: Gazetteer | undefined;

function build(): Gazetteer {
  const en = new Map<string, string>();
  const zh = new Map<string, string>();
  const names = {
    en: new Intl.DisplayNames(['en'], { type: 'region' }),
    zh: new Intl.DisplayNames(['zh-CN'], { type: 'region' }),
  };
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of A)
    for (const b of A) {
      const code = a + b;
      const name = names.en.of(code);
      if (!name || name === code || NOT_PLACES.has(code)) continue;
      en.set(name.toLowerCase().replace(/&/g, 'and'), code);
      zh.set(names.zh.of(code)!, code);
    }
  for (const [code, alias] of Object.entries(ALIASES)) {
    for (const n of alias.en) en.set(n, code);
    for (const n of alias.zh) zh.set(n, code);
  }
  for (const [e, z] of CHINA) {
    en.set(e, 'CN');
    zh.set(z, 'CN');
  }
  const longestFirst = (m: Map<string, string>) => [...m].sort((x, y) => y[0].length - x[0].length);
  return { en: longestFirst(en), zh: longestFirst(zh) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRes = new Map<string, RegExp>();
const wordRe = (name: string) => {
  let re = wordRes.get(name);
  if (!re) wordRes.set(name, (re = new RegExp(`(?<![\\p{L}'])${escape(name)}(?![\\p{L}])`, 'u')));
  return re;
};

/**
 * The places named in a text, in the order of the lists (longest names first); a name inside a
 * longer one found already ("中国" in "中国香港") is not counted again.
 */
export function placesIn(text: string, lang?: Lang): Place[] {
  gazetteer ??= build();
  const found: Place[] = [];
  const taken: [number, number][] = [];
  const free = (at: number, length: number) => !taken.some(([s, e]) => at < e && at + length > s);
  const lower = text.toLowerCase();
  if (lang !== 'zh-CN')
    for (const [name, region] of gazetteer.en) {
      if (!lower.includes(name)) continue;
      const m = wordRe(name).exec(lower);
      if (m && free(m.index, name.length)) {
        taken.push([m.index, m.index + name.length]);
        found.push({ region, name, city: CITIES.has(name) });
      }
    }
  if (lang !== 'en')
    for (const [name, region] of gazetteer.zh) {
      const at = text.indexOf(name);
      if (at >= 0 && free(at, name.length)) {
        taken.push([at, at + name.length]);
        found.push({ region, name, city: CITIES.has(name) });
      }
    }
  return found;
}

/** The regions a text names ("all of mainland China, and to Hong Kong" → CN, HK). */
export function regionsIn(...texts: string[]): Set<string> {
  return new Set(texts.flatMap((t) => placesIn(t).map((p) => p.region)));
}
