/**
 * General goods (apparel, shoes, bags, electronics, home): each item kind is a tag (the picture
 * draws from it) with its own variants, price range, palette and description lines.
 */
import type { Localized } from '../types';
import { L } from './draw';

export interface Variant {
  name: Localized; // "Cotton" / "纯棉"; for electronics a feature such as "Wireless" / "无线"
  tags: string[];
}
export interface ItemKind {
  tag: string;
  noun: Localized;
  variants: Variant[];
  price: [number, number];
  palette: string[];
  accents?: string[];
  tags: string[];
  lines: Localized[];
}

const V = (en: string, zh: string, ...tags: string[]): Variant => ({ name: L(en, zh), tags });

export const GOODS: Record<'apparel' | 'shoes' | 'bags' | 'electronics' | 'home', ItemKind[]> = {
  apparel: [
    {
      tag: 't-shirt',
      noun: L('T-shirt', 'T恤'),
      variants: [V('Cotton', '纯棉', 'cotton'), V('Linen', '亚麻', 'linen')],
      price: [79, 299],
      palette: [
        'white',
        'black',
        'grey',
        'navy',
        'green',
        'beige',
        'pink',
        'blue',
        'red',
        'orange',
      ],
      accents: ['white', 'black', 'navy'],
      tags: ['casual', 'everyday', 'summer', 'unisex'],
      lines: [
        L('A relaxed fit that works on its own or layered.', '宽松版型，单穿叠穿都合适。'),
        L('Pre-washed, so it is soft from the first wear.', '预洗处理，第一次穿就很柔软。'),
      ],
    },
    {
      tag: 'sweater',
      noun: L('sweater', '毛衣'),
      variants: [V('Merino wool', '美利奴羊毛', 'wool'), V('Cashmere', '羊绒', 'cashmere')],
      price: [299, 899],
      palette: ['beige', 'grey', 'navy', 'burgundy', 'green', 'brown', 'white', 'black', 'pink'],
      tags: ['winter', 'classic', 'everyday'],
      lines: [
        L('A warm, breathable knit for cooler days.', '保暖透气的针织，适合微凉天气。'),
        L('Ribbed cuffs and hem that keep their shape.', '罗纹袖口和下摆，久穿不变形。'),
      ],
    },
    {
      tag: 'hoodie',
      noun: L('hoodie', '连帽衫'),
      variants: [V('Cotton fleece', '纯棉抓绒', 'cotton'), V('Organic cotton', '有机棉', 'cotton')],
      price: [199, 499],
      palette: ['grey', 'black', 'navy', 'green', 'beige', 'purple', 'orange', 'pink'],
      accents: ['white', 'black'],
      tags: ['casual', 'sport', 'unisex'],
      lines: [
        L('Brushed inside for extra warmth.', '内里磨毛，更加保暖。'),
        L('A roomy front pocket keeps hands warm.', '宽大的袋鼠口袋，暖手又实用。'),
      ],
    },
    {
      tag: 'dress',
      noun: L('dress', '连衣裙'),
      variants: [V('Linen', '亚麻', 'linen'), V('Cotton poplin', '纯棉府绸', 'cotton')],
      price: [259, 999],
      palette: [
        'red',
        'navy',
        'black',
        'green',
        'beige',
        'pink',
        'blue',
        'white',
        'coral',
        'purple',
      ],
      tags: ['women', 'summer', 'party', 'office'],
      lines: [
        L('A midi length with a gently fitted waist.', '中长款设计，腰身微收。'),
        L('Light and breathable for warm days.', '轻盈透气，适合炎热天气。'),
      ],
    },
    {
      tag: 'jacket',
      noun: L('jacket', '夹克'),
      variants: [
        V('Denim', '牛仔', 'denim'),
        V('Water-resistant nylon', '防泼水尼龙', 'nylon', 'waterproof'),
        V('Leather', '真皮', 'leather'),
      ],
      price: [399, 1499],
      palette: ['black', 'navy', 'brown', 'beige', 'green', 'blue', 'grey'],
      tags: ['casual', 'classic'],
      lines: [
        L('Easy to layer from spring to autumn.', '春秋皆宜，方便叠穿。'),
        L('Plenty of pockets for everyday carry.', '口袋充足，日常出行很方便。'),
      ],
    },
  ],
  shoes: [
    {
      tag: 'sneakers',
      noun: L('sneakers', '运动鞋'),
      variants: [
        V('Leather', '皮革', 'leather'),
        V('Canvas', '帆布', 'canvas'),
        V('Knit', '针织', 'knit', 'lightweight'),
      ],
      price: [399, 999],
      palette: ['white', 'black', 'grey', 'navy', 'green', 'beige', 'pink', 'blue'],
      accents: ['white', 'black', 'red', 'green', 'navy'],
      tags: ['casual', 'sport', 'unisex', 'everyday'],
      lines: [
        L('A cushioned sole for all-day comfort.', '缓震鞋底，久走不累。'),
        L('Goes with almost everything.', '百搭款式，怎么穿都好看。'),
      ],
    },
    {
      tag: 'boots',
      noun: L('ankle boots', '短靴'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [599, 1599],
      palette: ['black', 'brown', 'beige', 'burgundy', 'grey'],
      tags: ['winter', 'classic'],
      lines: [
        L('A sturdy sole with a low, walkable heel.', '鞋底扎实，低跟好走。'),
        L('A side zip for easy on and off.', '侧边拉链，穿脱方便。'),
      ],
    },
    {
      tag: 'loafers',
      noun: L('loafers', '乐福鞋'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [499, 1299],
      palette: ['black', 'brown', 'burgundy', 'beige', 'navy'],
      accents: ['gold', 'silver'],
      tags: ['office', 'classic'],
      lines: [
        L('Smart enough for the office, easy enough for weekends.', '通勤得体，周末也能轻松驾驭。'),
        L('A soft lining that needs no breaking in.', '柔软内里，无需磨合。'),
      ],
    },
    {
      tag: 'sandals',
      noun: L('sandals', '凉鞋'),
      variants: [V('Leather', '真皮', 'leather'), V('Woven', '编织', 'lightweight')],
      price: [199, 599],
      palette: ['beige', 'black', 'brown', 'white', 'pink', 'orange'],
      tags: ['summer', 'casual'],
      lines: [
        L('Adjustable straps and a contoured footbed.', '绑带可调节，鞋床贴合脚型。'),
        L('Light enough to pack for any trip.', '轻便好收纳，旅行必备。'),
      ],
    },
  ],
  bags: [
    {
      tag: 'tote',
      noun: L('tote bag', '托特包'),
      variants: [V('Canvas', '帆布', 'canvas'), V('Leather', '真皮', 'leather')],
      price: [199, 899],
      palette: ['beige', 'black', 'navy', 'brown', 'green', 'white', 'red'],
      accents: ['brown', 'black', 'beige'],
      tags: ['everyday', 'casual', 'office'],
      lines: [
        L(
          "Roomy enough for a laptop and the day's shopping.",
          '容量大，装得下笔记本电脑和日常采购。',
        ),
        L('An inside zip pocket keeps small things safe.', '内置拉链袋，小物件不易丢。'),
      ],
    },
    {
      tag: 'backpack',
      noun: L('backpack', '双肩包'),
      variants: [
        V('Recycled nylon', '再生尼龙', 'nylon', 'waterproof'),
        V('Waxed canvas', '油蜡帆布', 'canvas'),
      ],
      price: [299, 999],
      palette: ['black', 'grey', 'navy', 'green', 'beige', 'orange'],
      accents: ['black', 'brown'],
      tags: ['everyday', 'unisex'],
      lines: [
        L('A padded laptop sleeve and comfortable straps.', '内置电脑隔层，肩带舒适。'),
        L('Opens wide, like a suitcase, for easy packing.', '可大开口打开，收纳整理很方便。'),
      ],
    },
    {
      tag: 'crossbody',
      noun: L('crossbody bag', '斜挎包'),
      variants: [V('Leather', '真皮', 'leather'), V('Nylon', '尼龙', 'nylon', 'lightweight')],
      price: [259, 1299],
      palette: ['black', 'brown', 'burgundy', 'beige', 'pink', 'navy', 'green'],
      accents: ['gold', 'silver'],
      tags: ['everyday', 'women', 'casual'],
      lines: [
        L('An adjustable strap and a magnetic flap.', '肩带可调，磁扣翻盖。'),
        L('Just right for a phone, wallet and keys.', '刚好装下手机、钱包和钥匙。'),
      ],
    },
    {
      tag: 'clutch',
      noun: L('clutch', '手拿包'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [199, 799],
      palette: ['black', 'gold', 'silver', 'red', 'burgundy', 'pink', 'navy'],
      tags: ['party', 'women'],
      lines: [
        L('A slim evening bag with a detachable chain.', '小巧的晚宴包，链条可拆卸。'),
        L('Fits a phone and a lipstick, and little else.', '放得下手机和一支口红，小巧精致。'),
      ],
    },
  ],
  electronics: [
    {
      tag: 'headphones',
      noun: L('headphones', '头戴式耳机'),
      variants: [
        V('Wireless noise-cancelling', '无线降噪', 'wireless', 'noise-cancelling'),
        V('Wireless', '无线', 'wireless'),
      ],
      price: [399, 2499],
      palette: ['black', 'white', 'silver', 'navy', 'beige', 'green', 'pink'],
      tags: ['modern'],
      lines: [
        L('Up to 30 hours of battery life.', '续航长达 30 小时。'),
        L('Soft memory-foam ear cushions for long listening.', '记忆海绵耳垫，久戴舒适。'),
      ],
    },
    {
      tag: 'earbuds',
      noun: L('earbuds', '入耳式耳机'),
      variants: [
        V('True wireless', '真无线', 'wireless'),
        V('Noise-cancelling', '降噪', 'wireless', 'noise-cancelling'),
      ],
      price: [199, 1299],
      palette: ['white', 'black', 'grey', 'pink', 'blue', 'green'],
      tags: ['sport', 'everyday'],
      lines: [
        L('A pocket-size charging case adds extra hours.', '小巧充电盒，随时补充电量。'),
        L('Sweat-resistant for workouts.', '防汗设计，运动时也能戴。'),
      ],
    },
    {
      tag: 'speaker',
      noun: L('Bluetooth speaker', '蓝牙音箱'),
      variants: [
        V('Portable', '便携', 'wireless'),
        V('Waterproof', '防水', 'wireless', 'waterproof'),
      ],
      price: [199, 999],
      palette: ['black', 'grey', 'blue', 'red', 'green', 'orange', 'beige'],
      tags: ['summer', 'casual'],
      lines: [
        L(
          'Room-filling sound from something the size of a water bottle.',
          '水杯大小，声音却能填满整个房间。',
        ),
        L('Pairs two speakers for stereo.', '两台可配对组成立体声。'),
      ],
    },
    {
      tag: 'smartwatch',
      noun: L('smartwatch', '智能手表'),
      variants: [V('Aluminium', '铝合金', 'aluminium'), V('Fitness', '运动', 'sport')],
      price: [699, 2999],
      palette: ['black', 'silver', 'gold', 'pink', 'navy', 'green', 'white'],
      tags: ['modern', 'waterproof'],
      lines: [
        L(
          'Tracks heart rate, sleep and workouts on the watch itself.',
          '心率、睡眠和运动数据都在手表本地记录。',
        ),
        L('Up to seven days per charge.', '一次充电可用七天。'),
      ],
    },
    {
      tag: 'power-bank',
      noun: L('power bank', '充电宝'),
      variants: [V('10,000 mAh', '10000mAh', 'lightweight'), V('20,000 mAh', '20000mAh')],
      price: [99, 299],
      palette: ['black', 'white', 'grey', 'blue', 'pink'],
      tags: ['everyday'],
      lines: [
        L('USB-C in and out, with fast charging.', 'USB-C 双向快充。'),
        L('Slim enough for a jacket pocket.', '机身轻薄，可放进外套口袋。'),
      ],
    },
  ],
  home: [
    {
      tag: 'mug',
      noun: L('mug', '马克杯'),
      variants: [V('Stoneware', '粗陶', 'ceramic', 'handmade'), V('Ceramic', '陶瓷', 'ceramic')],
      price: [39, 129],
      palette: ['white', 'beige', 'blue', 'green', 'pink', 'black', 'teal', 'orange'],
      tags: ['everyday', 'gift'],
      lines: [
        L('Holds 350 ml and is dishwasher safe.', '容量 350 毫升，可用洗碗机清洗。'),
        L('A glazed finish that feels good in the hand.', '釉面光滑，手感温润。'),
      ],
    },
    {
      tag: 'lamp',
      noun: L('table lamp', '台灯'),
      variants: [
        V('Linen-shade', '亚麻灯罩', 'linen'),
        V('Ceramic', '陶瓷', 'ceramic'),
        V('Oak', '橡木', 'wood'),
      ],
      price: [199, 899],
      palette: ['white', 'beige', 'green', 'blue', 'black', 'orange', 'pink', 'grey'],
      tags: ['modern', 'minimal'],
      lines: [
        L('A warm, dimmable light for reading corners.', '暖光可调，适合阅读角落。'),
        L('Takes a standard E27 bulb.', '使用标准 E27 灯泡。'),
      ],
    },
    {
      tag: 'vase',
      noun: L('vase', '花瓶'),
      variants: [V('Glass', '玻璃', 'glass', 'handmade'), V('Ceramic', '陶瓷', 'ceramic')],
      price: [89, 499],
      palette: ['white', 'blue', 'green', 'teal', 'pink', 'beige', 'grey', 'black'],
      tags: ['minimal', 'gift'],
      lines: [
        L('Hand-finished, so each one is slightly different.', '手工修饰，每一只都略有不同。'),
        L('Tall enough for a generous bunch of flowers.', '高度适中，插一大束花也没问题。'),
      ],
    },
    {
      tag: 'cushion',
      noun: L('cushion', '抱枕'),
      variants: [
        V('Linen', '亚麻', 'linen'),
        V('Cotton', '纯棉', 'cotton'),
        V('Knit', '针织', 'knit'),
      ],
      price: [79, 259],
      palette: ['beige', 'green', 'navy', 'pink', 'orange', 'grey', 'teal', 'white', 'brown'],
      accents: ['white', 'beige'],
      tags: ['everyday'],
      lines: [
        L('45 × 45 cm with a removable, washable cover.', '45 × 45 厘米，外套可拆洗。'),
        L('A plump feather-free filling that keeps its shape.', '饱满的无羽绒填充，久用不塌。'),
      ],
    },
    {
      tag: 'candle',
      noun: L('scented candle', '香薰蜡烛'),
      variants: [V('Fig and cedar', '无花果雪松'), V('Sea salt', '海盐'), V('Jasmine', '茉莉')],
      price: [69, 259],
      palette: ['white', 'beige', 'green', 'pink', 'black', 'brown'],
      tags: ['gift', 'handmade'],
      lines: [
        L(
          'Soy wax in a reusable glass jar, about 40 hours of burn time.',
          '大豆蜡装在可重复使用的玻璃罐中，可燃烧约 40 小时。',
        ),
      ],
    },
  ],
};
