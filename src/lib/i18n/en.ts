import { assistantEn } from '../assistant/messages';
import { cartEn } from '../cart/messages';
import { catalogEn } from '../catalog/messages';
import { myDataEn } from '../privacy/my-data-messages';
import { privacyEn } from '../privacy/messages';
import { promotionsEn } from '../promotions/messages';
import { ratingsImportEn, recommenderEn } from '../recommender/messages';
import { shellEn } from '../shell/messages';
import { shopSettingsEn } from '../shop/messages';
import { tryOnEn } from '../tryon/messages';

/**
 * English UI text, assembled from the text each capability keeps next to its code. The Chinese
 * file must have exactly the same shape (checked by the compiler).
 */
export const en = {
  ...shellEn,
  ...catalogEn,
  cart: cartEn,
  tryOn: tryOnEn,
  assistant: assistantEn,
  promotions: promotionsEn,
  privacy: privacyEn,
  forYou: recommenderEn,
  myData: { ...myDataEn, ratingsImport: ratingsImportEn, shopSettings: shopSettingsEn },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
