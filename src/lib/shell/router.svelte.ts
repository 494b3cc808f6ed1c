import { parseHash, type Route } from './routes';

let route = $state<Route>(parseHash(location.hash));
addEventListener('hashchange', () => {
  route = parseHash(location.hash);
});

/** The current route, reactive. Navigation is plain links to href(...). */
export const router = {
  get route(): Route {
    return route;
  },
};
