/**
 * A small hand-written table of related words ("concepts"), English and Chinese, written from
 * general language knowledge for shopping, payments and everyday requests (not from any test or
 * held-out question). text.ts adds one concept feature next to each word found here, so "get my
 * funds" and "receive my money" share features that no word, bigram or character n-gram gives.
 * English keys are matched by stem (text.ts stem), one or two words; Chinese keys by substring of a
 * Han run. A concept is shared across the two languages where the meaning is the same.
 */
export const CONCEPT_GROUPS: Readonly<Record<string, { en?: string; zh?: string }>> = {
  get: {
    en: 'get got gotten receive received obtain acquire collect',
    zh: '收到 拿到 得到 获得 领取',
  },
  send: { en: 'send sent transfer wire remit forward', zh: '转账 汇款 发送 转钱' },
  money: { en: 'money funds fund cash dollars euros pounds savings', zh: '钱 资金 现金 款项' },
  fee: {
    en: 'fee charge charged cost commission surcharge levy toll',
    zh: '费用 手续费 收费 扣费 运费',
  },
  price: { en: 'price pricing expensive cheap costly', zh: '价格 价钱 多少钱 贵 便宜' },
  discount: {
    en: 'discount coupon voucher promo promotion sale deal offer',
    zh: '优惠 折扣 打折 优惠券 促销 满减 券',
  },
  pay: { en: 'pay paid payment checkout settle', zh: '付款 支付 付钱 结账 买单' },
  buy: { en: 'buy bought purchase purchased shop shopping', zh: '买 购买 下单 订购 购物' },
  order: { en: 'order ordered orders', zh: '订单' },
  card: { en: 'card debit credit mastercard visa', zh: '卡 银行卡 信用卡 借记卡' },
  refund: {
    en: 'refund refunded reimburse reimbursement repay compensation compensate',
    zh: '退款 退钱 返款 退费',
  },
  return: { en: 'return returned returning', zh: '退货 退回 寄回 退换' },
  arrive: {
    en: 'arrive arrived arrival deliver delivered delivery reach come came',
    zh: '到货 送达 送到 寄到 到了 到达',
  },
  ship: {
    en: 'ship shipped shipping dispatch dispatched postage courier mail post',
    zh: '发货 配送 快递 物流 邮寄',
  },
  parcel: { en: 'parcel package packet box shipment', zh: '包裹 快递包 箱子' },
  item: {
    en: 'item product goods article merchandise thing stuff',
    zh: '商品 产品 东西 货物 物品',
  },
  cancel: {
    en: 'cancel cancelled canceled cancellation stop revoke void abort undo',
    zh: '取消 撤销 作废 撤回',
  },
  close: { en: 'close closing terminate delete remove erase quit', zh: '注销 删除 关闭 销户' },
  broken: {
    en: 'broken damaged faulty defective cracked torn busted ruined malfunctioning dead',
    zh: '坏了 损坏 破损 瑕疵 破了 裂 坏掉',
  },
  work: { en: 'work working function functioning operate', zh: '能用 用不了 不能用 失灵' },
  wrong: {
    en: 'wrong incorrect mistake mistaken error erroneous inaccurate invalid',
    zh: '错 错误 不对 发错 弄错',
  },
  problem: { en: 'problem issue trouble glitch bug fault', zh: '问题 故障 麻烦' },
  lost: { en: 'lost lose missing misplaced gone', zh: '丢 丢失 丢了 找不到 不见了' },
  stolen: {
    en: 'stolen steal theft thief robbed hacked compromised fraud scam unauthorised unauthorized',
    zh: '被盗 被偷 偷 盗刷 诈骗 被骗',
  },
  track: { en: 'track tracking trace locate where', zh: '追踪 跟踪 查询 在哪 哪里' },
  help: { en: 'help assist assistance support aid', zh: '帮 帮助 帮忙 协助' },
  change: {
    en: 'change update edit modify alter amend adjust',
    zh: '修改 更改 改 更新 变更',
  },
  fix: { en: 'fix repair mend resolve sort', zh: '修 修理 维修 解决' },
  warranty: { en: 'warranty guarantee guaranteed', zh: '保修 质保 保证' },
  account: { en: 'account profile login sign', zh: '账号 帐号 账户 帐户 登录' },
  password: { en: 'password passcode pin passphrase', zh: '密码' },
  code: { en: 'code otp', zh: '验证码 代码' },
  forget: { en: 'forget forgot forgotten remember recall', zh: '忘 忘记 忘了 记不得' },
  block: {
    en: 'block blocked lock locked freeze frozen suspend suspended disable disabled',
    zh: '冻结 锁定 锁了 停用',
  },
  activate: {
    en: 'activate activation enable unlock unblock unfreeze reactivate',
    zh: '激活 开通 解锁 解冻 启用',
  },
  decline: {
    en: 'decline declined reject rejected refuse refused deny denied fail failed unsuccessful bounce',
    zh: '拒绝 被拒 失败 不成功 没成功',
  },
  pending: {
    en: 'pending waiting wait processing stuck hold',
    zh: '等待 处理中 待处理 卡住',
  },
  late: { en: 'late delay delayed slow overdue', zh: '延迟 晚了 慢 迟迟 还没' },
  time: {
    en: 'long time duration days hours minutes weeks soon quickly fast',
    zh: '多久 多长时间 几天 什么时候 时间 多快',
  },
  limit: {
    en: 'limit maximum max minimum min cap restriction threshold ceiling',
    zh: '限额 上限 下限 限制 最多 最少',
  },
  topup: { en: 'top_up topup load reload recharge add', zh: '充值 充钱 加钱' },
  deposit: { en: 'deposit deposited cheque', zh: '存款 存钱 存入 支票' },
  withdraw: { en: 'withdraw withdrawal withdrew atm cashpoint', zh: '取钱 取现 提现 取款' },
  rate: { en: 'rate exchange convert conversion', zh: '汇率 兑换 换汇' },
  currency: {
    en: 'currency currencies dollar euro pound usd eur gbp yen',
    zh: '货币 外币 美元 欧元 英镑 人民币',
  },
  abroad: {
    en: 'abroad overseas international foreign country countries',
    zh: '国外 海外 国际 境外 国家',
  },
  identity: {
    en: 'identity id identification verify verification passport document license licence proof',
    zh: '身份 验证 认证 证件 护照 身份证',
  },
  details: { en: 'details information info address name personal', zh: '信息 资料 地址 名字 个人' },
  phone: { en: 'phone mobile cell smartphone device iphone android', zh: '手机 电话 设备' },
  app: { en: 'app application website site online web', zh: '应用 网站 网页 官网 线上' },
  statement: {
    en: 'statement transaction history record activity entry',
    zh: '账单 交易 记录 明细 流水',
  },
  twice: { en: 'twice double duplicate repeated again', zh: '两次 重复 多扣 扣了两次' },
  strange: {
    en: 'recognise recognize unknown unfamiliar strange suspicious weird odd unrecognised',
    zh: '陌生 不认识 可疑 奇怪',
  },
  new: {
    en: 'new replacement replace another spare additional second extra',
    zh: '新 补办 换新 另一张',
  },
  virtual: { en: 'virtual digital disposable temporary', zh: '虚拟 电子 一次性' },
  physical: { en: 'physical plastic real', zh: '实体 实体卡' },
  age: { en: 'age old years young minor child kid teen teenager', zh: '年龄 岁 未成年 孩子' },
  expire: {
    en: 'expire expiry expiration expired valid validity renew renewal',
    zh: '过期 到期 有效期 续期',
  },
  contactless: { en: 'contactless tap nfc', zh: '非接触 闪付 感应' },
  balance: { en: 'balance amount total sum', zh: '余额 金额 总额' },
  size: {
    en: 'size sizing fit fitting measurement measurements large small big tight loose',
    zh: '尺码 尺寸 大小 码数 合身',
  },
  colour: { en: 'colour color colours shade', zh: '颜色 色' },
  store: { en: 'store shop branch outlet boutique', zh: '门店 店 实体店 商店' },
  hours: { en: 'hours opening open', zh: '营业 营业时间 开门' },
  contact: {
    en: 'contact call email talk speak human agent person representative staff',
    zh: '联系 人工 客服 打电话 真人',
  },
  complain: {
    en: 'complain complaint unhappy dissatisfied disappointed angry upset terrible awful',
    zh: '投诉 不满 生气 失望 差评',
  },
  quality: { en: 'quality material fabric durable', zh: '质量 材质 面料 做工' },
  privacy: { en: 'privacy private data secure security safe', zh: '隐私 数据 安全 个人信息' },
  gift: { en: 'gift present wrap wrapping', zh: '礼物 礼品 包装 送人' },
  points: { en: 'points loyalty rewards reward member membership', zh: '积分 会员 奖励' },
  want: { en: 'want need wish like would', zh: '想 需要 希望 想要' },
  see: { en: 'see view show check look display', zh: '看 查看 显示 查' },
  know: { en: 'know understand tell explain why reason', zh: '知道 了解 告诉 解释 为什么 原因' },
  allow: {
    en: 'accept allow allowed permit permitted possible able support supported',
    zh: '可以 能否 支持 允许 接受',
  },
  hello: { en: 'hello hi hey greetings howdy', zh: '你好 您好 在吗 哈喽' },
  thanks: { en: 'thanks thank thx appreciate cheers grateful', zh: '谢谢 感谢 多谢' },
  bye: { en: 'bye goodbye farewell', zh: '再见 拜拜' },
};
