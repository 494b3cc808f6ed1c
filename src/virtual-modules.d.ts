/** `virtual:shop`: the shop the app was built for (src/build/shop-pack.ts). */
declare module 'virtual:shop' {
  const shop: import('./lib/shop/shared/built').BuiltShop;
  export default shop;
}
