/** `virtual:shop`: the shop the app was built for (src/build/shop-pack.ts). */
declare module 'virtual:shop' {
  const shop: import('./lib/shop/shared/built').BuiltShop;
  export default shop;
}

/** `virtual:assistant-model`: the path of Help's model trained at build time (src/build/assistant-model.ts). */
declare module 'virtual:assistant-model' {
  export const modelFile: string;
}
