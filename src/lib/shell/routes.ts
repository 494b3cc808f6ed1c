/**
 * Hash routing: every view is reachable offline from the one precached index.html, and the
 * URL never carries anything to a server (the fragment is not sent).
 */
export type ViewName = 'shop' | 'product' | 'for-you' | 'try-on' | 'help' | 'cart' | 'my-data';

export interface Route {
  view: ViewName;
  /** product id for 'product' */
  id?: string;
  params: URLSearchParams;
}

const VIEWS: readonly ViewName[] = [
  'shop',
  'product',
  'for-you',
  'try-on',
  'help',
  'cart',
  'my-data',
];

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/');
  const params = new URLSearchParams(query);
  if (view === 'product' && id) return { view, id: decodeURIComponent(id), params };
  if (VIEWS.includes(view as ViewName) && view !== 'product')
    return { view: view as ViewName, params };
  return { view: 'shop', params };
}

export function href(view: ViewName, id?: string, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
}
