import { assistantZhCN } from '../assistant/messages';
import { cartZhCN } from '../cart/messages';
import { catalogZhCN } from '../catalog/messages';
import { myDataZhCN } from '../privacy/my-data-messages';
import { privacyZhCN } from '../privacy/messages';
import { promotionsZhCN } from '../promotions/messages';
import { ratingsImportZhCN, recommenderZhCN } from '../recommender/messages';
import { shellZhCN } from '../shell/messages';
import { shopSettingsZhCN } from '../shop/messages';
import { tryOnZhCN } from '../tryon/messages';
import type { Messages } from './en';

/** 简体中文界面文本。Same shape as en.ts; the compiler rejects a missing key. */
export const zhCN: Messages = {
  ...shellZhCN,
  ...catalogZhCN,
  cart: cartZhCN,
  tryOn: tryOnZhCN,
  assistant: assistantZhCN,
  promotions: promotionsZhCN,
  privacy: privacyZhCN,
  forYou: recommenderZhCN,
  myData: { ...myDataZhCN, ratingsImport: ratingsImportZhCN, shopSettings: shopSettingsZhCN },
};
