/**
 * The demo shop's settings ("Private Aisle", in CNY): what a pack's shop.json is merged over, and
 * the values the built-in FAQ and offers are filled with. One free-shipping threshold (¥199), one
 * return window (30 days), one phone number: every text that states them reads them from here.
 */
import type { ShopSettings } from './settings';

export const DEFAULT_SETTINGS: ShopSettings = {
  name: { en: 'Private Aisle', 'zh-CN': 'Private Aisle' },
  colours: { brand: '#0f5c4d', accent: '#b4461f' },
  currency: 'CNY',
  locale: 'en', // the language of a pack's main columns: Shopify exports are English first
  contact: {
    email: 'help@privateaisle.example',
    phone: '400-000-1234',
    businessEmail: 'business@privateaisle.example',
    serviceHours: { open: '09:00', close: '21:00' },
    complaintReplyWorkingDays: 1,
  },
  stores: {
    list: [
      {
        city: { en: 'Shanghai', 'zh-CN': '上海' },
        address: { en: 'West Nanjing Road 1266', 'zh-CN': '南京西路 1266 号' },
      },
      {
        city: { en: 'Beijing', 'zh-CN': '北京' },
        address: { en: 'Sanlitun Road 19', 'zh-CN': '三里屯路 19 号' },
      },
      {
        city: { en: 'Shenzhen', 'zh-CN': '深圳' },
        address: { en: 'Futian, Yitian Holiday Plaza', 'zh-CN': '福田区益田假日广场' },
      },
      {
        city: { en: 'Hangzhou', 'zh-CN': '杭州' },
        address: { en: 'Hubin Road 28', 'zh-CN': '湖滨路 28 号' },
      },
    ],
    hours: {
      weekdays: { open: '10:00', close: '21:00' },
      weekends: { open: '10:00', close: '22:00' },
      holidays: { open: '11:00', close: '20:00' },
    },
    freeParkingHours: 2,
    metroWalkMinutes: 5,
  },
  policies: {
    freeShippingFromCents: 19900,
    shippingFeeCents: 1000,
    expressFeeCents: 1500,
    expressWorkingDays: 1,
    orderCutoff: '16:00',
    deliveryRegions: {
      en: 'all of mainland China, and to Hong Kong, Macao, Taiwan, Singapore, Japan and South Korea',
      'zh-CN': '中国大陆全境，以及香港、澳门、台湾、新加坡、日本和韩国',
    },
    deliveryDays: { min: 3, max: 5 },
    remoteDeliveryMaxDays: 8,
    internationalDeliveryDays: { min: 7, max: 14 },
    pickup: { readyHours: 2, keptDays: 7 },
    returnDays: 30,
    damageReportDays: 7,
    returnCarrier: 'SwiftPost',
    returnCheckWorkingDays: 2,
    refundWorkingDays: { min: 3, max: 7 },
    failedPaymentRefundHours: 24,
    paymentMethods: ['alipay', 'wechat-pay', 'union-pay', 'card', 'apple-pay', 'gift-card', 'cash'],
    instalments: { fromCents: 60000, counts: [3, 6, 12], interestFreeCount: 3 },
    invoice: { requestDays: 90, sentWithinWorkingDays: 3 },
    priceMatchDays: 14,
    warrantyMonths: { electronics: 24, eyewearAndBags: 12, other: 6 },
    repairWorkingDays: 10,
    restockWeeks: { min: 2, max: 3 },
    giftWrapCents: 1000,
    giftCard: { valuesCents: [10000, 20000, 50000], validYears: 3 },
    prescriptionLenses: {
      singleVisionCents: 29900,
      progressiveCents: 89900,
      days: { min: 5, max: 7 },
    },
    bulkOrderFromItems: 20,
    membership: {
      firstOrderOffCents: 2000,
      pointsPerUnit: 1,
      silverFromPoints: 2000,
      goldFromPoints: 8000,
      pointsPerUnitOff: 100,
    },
    concession: { percentOff: 10, seniorFromAge: 60 },
    saleSeasons: {
      en: 'in June (618), November (11.11) and before Chinese New Year',
      'zh-CN': '每年 6 月（618）、11 月（双十一）和春节前',
    },
  },
  checkout: 'confirmation',
};
